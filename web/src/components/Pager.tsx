import { Pagination } from '@mantine/core';

/** Page links with Vietnamese labels for screen readers; nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  onChange,
}: {
  page: number;
  pages: number;
  onChange: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <Pagination
      total={pages}
      value={Math.min(page, pages)}
      onChange={onChange}
      siblings={1}
      boundaries={1}
      getControlProps={(control) => ({
        'aria-label': control === 'next' ? 'Trang sau' : control === 'previous' ? 'Trang trước' : control,
      })}
      getItemProps={(p) => ({ 'aria-label': `Trang ${p}` })}
    />
  );
}
