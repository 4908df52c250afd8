/** The debrief's section titles in English, in order, for a two-party game that reached a dominated deal. */
export const DEBRIEF_TITLES_EN = [
  "Outcome",
  "Your partner",
  "Points",
  "Where the deal sits",
  "The better package",
  "Points per issue",
  "Pareto plot",
  "How the offers went",
  "Issue by issue",
  "Coaching along the seven tips",
];
