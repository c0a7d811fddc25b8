import { Select } from "antd";
import type { Choice } from "./choices.js";
import { settingItem } from "./setting-item.js";

interface MenuProps<T> {
  /** The form label; also the menu's accessible name unless `name` says more. */
  label: string;
  /** The accessible name when it must say more than the label (an action's number, a part's name). */
  name?: string;
  width?: number;
  value: T | null;
  options: readonly Choice<T>[];
  placeholder?: string;
  /** Render every option at once (long menus of types that tests and users scan whole). */
  virtual?: false;
}

type LabelledSelectProps<T> = MenuProps<T> &
  (
    | { clearable?: false; onChange: (value: T) => void }
    | { clearable: true; onChange: (value: T | undefined) => void }
  );

/** A labelled menu of one choice; a clearable one reports `undefined` when cleared. */
export function LabelledSelect<T extends string | number>(props: LabelledSelectProps<T>) {
  return settingItem(
    props.label,
    <Select<T>
      aria-label={props.name ?? props.label}
      {...(props.virtual === false ? { virtual: false } : {})}
      {...(props.width === undefined ? {} : { style: { width: props.width } })}
      {...(props.clearable === true ? { allowClear: true } : {})}
      {...(props.placeholder === undefined ? {} : { placeholder: props.placeholder })}
      value={props.value}
      options={props.options.map((o) => ({ value: o.value, label: o.label }))}
      onChange={(next: T | undefined) => {
        if (props.clearable === true) props.onChange(next);
        // A menu that cannot be cleared never reports "nothing"; the guard only satisfies the types.
        else if (next !== undefined) props.onChange(next);
      }}
    />,
  );
}
