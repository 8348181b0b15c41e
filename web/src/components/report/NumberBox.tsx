import { TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { numberText, parseViNumber } from './values';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}

/**
 * A number typed the Vietnamese way ("1.234", "180,5"). What cannot be read as a number stays in
 * the box with a message, and the report keeps its last good value. Nothing entered shows an empty
 * box (never "0"), and a 0 is selected on focus so that typing replaces it.
 *
 * What is typed shows from the box's own state: the report may render it only when typing pauses
 * (`lazy` updates), so while the box has the focus, its text is the truth and a value coming in
 * is one the box sent itself; a value changed from outside shows when the box does not have it.
 */
export function NumberBox({ value, onChange, error, onBlur, onFocus, ...rest }: Props) {
  const [text, setText] = useState(() => numberText(value));
  const [bad, setBad] = useState(false);
  const focused = useRef(false);

  // A value changed from outside (restore, the other person's version, a computed total).
  useEffect(() => {
    if (focused.current) return;
    setText((current) => {
      const parsed = parseViNumber(current);
      return parsed === value || (Number.isNaN(parsed) && value === null) ? current : numberText(value);
    });
  }, [value]);

  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      error={bad ? 'Giá trị phải là một số (ví dụ 1.234 hoặc 180,5).' : error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parseViNumber(next);
        if (Number.isNaN(parsed)) {
          setBad(true);
          return;
        }
        setBad(false);
        onChange(parsed);
      }}
      onFocus={(event) => {
        focused.current = true;
        // A box showing 0 is replaced by what is typed ("2", not "02").
        if (parseViNumber(event.currentTarget.value) === 0) event.currentTarget.select();
        onFocus?.(event);
      }}
      onBlur={(event) => {
        focused.current = false;
        if (!bad) setText(numberText(parseViNumber(text)));
        onBlur?.(event);
      }}
    />
  );
}
