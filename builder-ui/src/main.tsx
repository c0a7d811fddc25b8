import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { TemplateList } from "./template-list.js";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <h1>Stagecraft</h1>
      <TemplateList />
    </StrictMode>,
  );
}
