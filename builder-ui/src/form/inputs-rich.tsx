import { Button, Input, Space } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Field } from "@stagecraft/schemas";
import { isObject } from "../api/guards.js";
import type { InputProps } from "./input-props.js";

type Of<T extends Field["type"]> = Extract<Field, { type: T }>;

const ADDRESS_PARTS = ["province", "city", "district", "detail"] as const;

/** A postal address: province, city, district and street detail. */
export function AddressInput({ value, onChange, disabled, id }: InputProps<Of<"address">>) {
  const { t } = useTranslation();
  const address = isObject(value) ? value : {};
  const change = (part: (typeof ADDRESS_PARTS)[number], text: string) => {
    const next: Record<string, unknown> = { ...address, [part]: text };
    if (text === "") Reflect.deleteProperty(next, part);
    onChange(Object.keys(next).length === 0 ? null : next);
  };
  return (
    <Space.Compact block>
      {ADDRESS_PARTS.map((part) => {
        const current = address[part];
        return (
          <Input
            key={part}
            id={part === "province" ? id : `${id}-${part}`}
            aria-label={t(`form.address.${part}`)}
            placeholder={t(`form.address.${part}`)}
            style={{ width: part === "detail" ? "40%" : "20%" }}
            value={typeof current === "string" ? current : ""}
            disabled={disabled}
            onChange={(event) => {
              change(part, event.target.value);
            }}
          />
        );
      })}
    </Space.Compact>
  );
}

interface Attachment {
  id: string;
  name: string;
  url?: string;
}

function attachmentsOf(value: unknown): Attachment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isObject(item) && typeof item["id"] === "string" && typeof item["name"] === "string"
      ? [
          {
            id: item["id"],
            name: item["name"],
            ...(typeof item["url"] === "string" ? { url: item["url"] } : {}),
          },
        ]
      : [],
  );
}

/**
 * Files and images, attached by link: the API stores file references, not file bytes, so a file
 * is named and pointed to by its address.
 */
export function FileInput({ field, value, onChange, disabled, id }: InputProps<Of<"file" | "image">>) {
  const { t } = useTranslation();
  const [url, setUrl] = useState("");
  const files = attachmentsOf(value);
  const full = files.length >= (field.maxFiles ?? 50);
  const add = () => {
    const trimmed = url.trim();
    if (trimmed === "") return;
    const name = trimmed.split("/").pop() ?? trimmed;
    onChange([
      ...files,
      { id: `link-${Date.now().toString(36)}`, name: name === "" ? trimmed : name, url: trimmed },
    ]);
    setUrl("");
  };
  return (
    <div>
      {files.map((file) => (
        <div key={file.id}>
          <a href={file.url} target="_blank" rel="noreferrer">
            {file.name}
          </a>{" "}
          <Button
            size="small"
            type="link"
            disabled={disabled}
            onClick={() => {
              const rest = files.filter((other) => other.id !== file.id);
              onChange(rest.length === 0 ? null : rest);
            }}
          >
            {t("common.remove")}
          </Button>
        </div>
      ))}
      <Space.Compact block>
        <Input
          id={id}
          placeholder={t("form.fileLink")}
          value={url}
          disabled={disabled || full}
          onChange={(event) => {
            setUrl(event.target.value);
          }}
          onPressEnter={add}
        />
        <Button disabled={disabled || full} onClick={add}>
          {t("form.attach")}
        </Button>
      </Space.Compact>
    </div>
  );
}

/** A signature drawn with the finger or mouse, stored as a PNG data URL. */
export function SignatureInput({ value, onChange, disabled, id }: InputProps<Of<"signature">>) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const context = () => canvas.current?.getContext("2d") ?? null;
  return (
    <div>
      {typeof value === "string" && value !== "" && !drawing.current ? (
        <img src={value} alt={t("form.signature")} style={{ maxWidth: 320, border: "1px solid #d9d9d9" }} />
      ) : (
        <canvas
          id={id}
          ref={canvas}
          width={320}
          height={120}
          aria-label={t("form.signHere")}
          style={{ border: "1px dashed #bfbfbf", borderRadius: 6, touchAction: "none", maxWidth: "100%" }}
          onPointerDown={(event) => {
            if (disabled) return;
            drawing.current = true;
            const ctx = context();
            const { x, y } = point(event);
            ctx?.beginPath();
            ctx?.moveTo(x, y);
          }}
          onPointerMove={(event) => {
            if (!drawing.current) return;
            const ctx = context();
            const { x, y } = point(event);
            ctx?.lineTo(x, y);
            ctx?.stroke();
          }}
          onPointerUp={() => {
            drawing.current = false;
            const data = canvas.current?.toDataURL("image/png");
            if (data !== undefined) onChange(data);
          }}
        />
      )}
      <div>
        <Button
          size="small"
          disabled={disabled}
          onClick={() => {
            onChange(null);
          }}
        >
          {t("form.clearSignature")}
        </Button>
      </div>
    </div>
  );
}
