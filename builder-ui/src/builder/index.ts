export { AppBuilder } from "./app-builder.js";
export { registerBuilderI18n, BUILDER_NS } from "./i18n/builder-i18n.js";
export { createBuilderApi, ApiError, type BuilderApi } from "./api/builder-api.js";
