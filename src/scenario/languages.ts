/** The languages of the texts and the output: a leaf, so that the CLI's options need no schema. */
export const SUPPORTED_LANGUAGES = ["en", "nl"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
