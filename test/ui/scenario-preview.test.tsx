import { render } from "ink-testing-library";
import { expect, test } from "vitest";
import { ScenarioPreview } from "../../src/ui/ScenarioPreview.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import { resolveScenarioPath, DEFAULT_SCENARIO_ID } from "../../src/scenario/builtin.js";

const { scenario } = loadScenarioFile(resolveScenarioPath(DEFAULT_SCENARIO_ID));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

test("shows the default scenario's story, organisations and issues, in Dutch when asked", () => {
  const { lastFrame, unmount } = render(<ScenarioPreview scenario={scenario} lang="nl" />);
  const frame = lastFrame() ?? "";
  const title = scenario.title as { nl: string };
  expect(frame).toContain(title.nl);
  expect(frame).toContain("Organisaties");
  for (const issue of scenario.issues) expect(frame).toContain((issue.label as { nl: string }).nl);
  unmount();
});

test("q quits, other keys do not", async () => {
  let quits = 0;
  const { stdin, lastFrame, unmount } = render(<ScenarioPreview scenario={scenario} lang="en" onQuit={() => quits++} />);
  expect(lastFrame()).toContain("q quit");
  stdin.write("x");
  await settle();
  expect(quits).toBe(0);
  stdin.write("q");
  await settle();
  expect(quits).toBe(1);
  unmount();
});
