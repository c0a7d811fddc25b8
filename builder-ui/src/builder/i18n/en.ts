import { zh } from "./zh.js";

/** The builder's texts in English. */
export const en: typeof zh = zh;
