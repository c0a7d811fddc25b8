import type { AppDefinition } from "@stagecraft/schemas";

/** Bilingual text for tests. */
function t(en: string): { zh: string; en: string } {
  return { zh: en, en };
}

/** A small valid app for tests: deals moving through a pipeline, and a legacy notes form. */
export function dealApp(): AppDefinition {
  return {
    id: "deal-desk",
    name: t("Deal desk"),
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        titleField: "title",
        fields: [
          { id: "title", type: "text", label: t("Title"), required: true },
          { id: "amount", type: "number", label: t("Amount") },
          { id: "notes", type: "textarea", label: t("Notes") },
          {
            id: "region",
            type: "select",
            label: t("Region"),
            options: [
              { value: "east", label: t("East") },
              { value: "west", label: t("West") },
            ],
          },
          { id: "layout", type: "section", label: t("More") },
        ],
        pipeline: {
          initial: "new",
          stages: [
            { id: "new", name: t("New") },
            { id: "qualified", name: t("Qualified") },
            { id: "won", name: t("Won"), terminal: "won" },
          ],
        },
      },
      {
        id: "legacy",
        name: t("Legacy"),
        fields: [{ id: "memo", type: "text", label: t("Memo") }],
      },
    ],
  };
}

/**
 * The deal app after a builder's edit: `notes` removed, `amount` retyped to money, stage
 * `qualified` removed and `lost` added, `priority` added as required, `region` made required,
 * the legacy form removed and a contact form added.
 */
export function editedDealApp(): AppDefinition {
  const app = dealApp();
  const [deal] = app.forms;
  if (deal === undefined) throw new Error("the deal form is missing");
  deal.fields = [
    { id: "title", type: "text", label: t("Title"), required: true },
    { id: "amount", type: "money", label: t("Amount") },
    {
      id: "region",
      type: "select",
      label: t("Region"),
      required: true,
      options: [
        { value: "east", label: t("East") },
        { value: "west", label: t("West") },
      ],
    },
    {
      id: "priority",
      type: "select",
      label: t("Priority"),
      required: true,
      options: [
        { value: "high", label: t("High") },
        { value: "low", label: t("Low") },
      ],
    },
    { id: "layout", type: "section", label: t("More") },
  ];
  deal.pipeline = {
    initial: "new",
    stages: [
      { id: "new", name: t("New") },
      { id: "won", name: t("Won"), terminal: "won" },
      { id: "lost", name: t("Lost"), terminal: "lost" },
    ],
  };
  app.forms = [
    deal,
    { id: "contact", name: t("Contact"), fields: [{ id: "email", type: "email", label: t("Email") }] },
  ];
  return app;
}
