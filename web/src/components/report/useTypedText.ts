import { useEffect, useRef, useState } from 'react';

/**
 * The text of a box that shows what is typed from its own state, while the report renders it only
 * when typing pauses (`update(…, { lazy: true })`). While the box has the focus its text is the
 * truth (a value coming in is one it sent itself, perhaps an older one); a value changed from
 * outside (a restored copy, the other person's version, an import) shows when it does not.
 */
export function useTypedText(value: string) {
  const [text, setText] = useState(value);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  return {
    text,
    setText,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
    },
  };
}
