/** `schema`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { scenarioJsonSchema } from "../../scenario/schema.js";
import { printJson } from "../output.js";

export function schemaAction(): void {
  printJson(scenarioJsonSchema());
}
