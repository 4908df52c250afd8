import { TargetAcceptance } from "../acceptance.js";
import { LadderBidding } from "../bidding.js";
import { ReciprocalCurve } from "../curves.js";
import { OpenDisclosure } from "../disclosure.js";
import { CuriousInquiry } from "../inquiry.js";
import { FrequencyModel } from "../opponent-models.js";
import type { PartnerStyle } from "../types.js";

export const reciprocator: PartnerStyle = {
  id: "reciprocator",
  family: "win-win",
  deterministic: true,
  description: {
    en: "Nice tit-for-tat: concedes as much as you do, with a little goodwill each round.",
    nl: "Vriendelijk voor wat hoort wat: geeft evenveel toe als jij, met elke ronde een beetje goodwill.",
  },
  defaults: () => ({ initialTrust: 60 }),
  create: () => ({
    curve: new ReciprocalCurve(),
    bidding: new LadderBidding(),
    acceptance: new TargetAcceptance(),
    disclosure: new OpenDisclosure(),
    inquiry: new CuriousInquiry(),
    model: new FrequencyModel(),
  }),
};
