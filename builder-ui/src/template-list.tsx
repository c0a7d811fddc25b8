import { useEffect, useState } from "react";

interface TemplateSummary {
  id: string;
  name: { zh: string; en: string };
  summary: { zh: string; en: string };
}

function isTemplateList(value: unknown): value is TemplateSummary[] {
  return Array.isArray(value);
}

/** The templates the server offers (the full gallery comes with the builder UI issue). */
export function TemplateList() {
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetch("/api/templates")
      .then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const body: unknown = await res.json();
        if (isTemplateList(body)) setTemplates(body);
      })
      .catch((err: unknown) => {
        setError(err instanceof Error ? err.message : String(err));
      });
  }, []);
  if (error) return <p role="alert">模板加载失败 / Failed to load templates: {error}</p>;
  return (
    <ul>
      {templates.map((t) => (
        <li key={t.id}>
          <strong>{t.name.zh}</strong> ({t.name.en}) — {t.summary.zh}
        </li>
      ))}
    </ul>
  );
}
