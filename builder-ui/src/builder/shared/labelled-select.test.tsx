// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { chooseOption, must } from "../test-support.js";
import { LabelledSelect } from "./labelled-select.js";

afterEach(cleanup);

const SIZES = [
  { value: "s", label: "Small" },
  { value: "l", label: "Large" },
];

describe("LabelledSelect", { timeout: 60_000 }, () => {
  it("shows the label, names the menu by it and reports the chosen value", async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    const { container } = render(
      <LabelledSelect label="Size" width={140} value="s" options={SIZES} onChange={(v) => chosen.push(v)} />,
    );
    expect(container.querySelector(".ant-form-item-label")?.textContent).toBe("Size");
    const menu = screen.getByRole("combobox", { name: "Size" });
    expect(must(menu.closest<HTMLElement>(".ant-select"), "select").style.width).toBe("140px");
    expect(container.querySelector(".ant-select-clear")).toBeNull();
    await chooseOption(user, menu, "Large");
    expect(chosen).toEqual(["l"]);
  });

  it("takes a longer accessible name than its label, and no width unless given", () => {
    const { container } = render(
      <LabelledSelect label="Size" name="Size 2" value={null} options={SIZES} onChange={() => undefined} />,
    );
    expect(container.querySelector(".ant-form-item-label")?.textContent).toBe("Size");
    const menu = screen.getByRole("combobox", { name: "Size 2" });
    expect(screen.queryByRole("combobox", { name: "Size" })).toBeNull();
    expect(must(menu.closest<HTMLElement>(".ant-select"), "select").style.width).toBe("");
  });

  it("shows its placeholder when empty and reports undefined when cleared", async () => {
    const user = userEvent.setup();
    const reported: (string | undefined)[] = [];
    const { container, rerender } = render(
      <LabelledSelect
        label="Size"
        clearable
        placeholder="Any size"
        value={null}
        options={SIZES}
        onChange={(v) => reported.push(v)}
      />,
    );
    expect(screen.getByText("Any size")).toBeTruthy();
    rerender(
      <LabelledSelect
        label="Size"
        clearable
        placeholder="Any size"
        value="l"
        options={SIZES}
        onChange={(v) => reported.push(v)}
      />,
    );
    await user.click(must(container.querySelector(".ant-select-clear"), "clear button"));
    expect(reported).toEqual([undefined]);
  });
});
