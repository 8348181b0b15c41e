/**
 * An OfficialDocument drawn as HTML that looks like the printed page (Nghị định 30/2020 layout):
 * header table, motto, number and date line, title, subject, Kính gửi, body, Nơi nhận, signature.
 * For reading on screen; the DOCX is the document of record.
 */
import type { BodyBlock, DataTable, OfficialDocument, TextRun } from '@domain/document';
import { DOCUMENT_TYPES } from '@domain/document';
import {
  appendixNote,
  documentDateLine,
  documentNumberText,
  kinhGuiLines,
  noiNhanLines,
} from '@domain/document-format';
import { useElementSize } from '@mantine/hooks';
import type { CSSProperties, ReactNode } from 'react';

const PAGE_WIDTH = 794;

const page: CSSProperties = {
  fontFamily: '"Times New Roman", Times, serif',
  fontSize: 15,
  lineHeight: 1.35,
  color: '#000',
  background: '#fff',
  // An A4 page at 96 dpi, never narrower: on a small screen the page is scaled down, never reflowed.
  width: PAGE_WIDTH,
  boxSizing: 'border-box',
  margin: '0 auto',
  padding: '32px 28px 40px 48px',
  boxShadow: '0 1px 4px rgba(0,0,0,.15)',
  overflowWrap: 'anywhere',
};
const center: CSSProperties = { textAlign: 'center' };
const rule = (width: string): CSSProperties => ({
  borderTop: '1px solid #000',
  width,
  height: 0,
  margin: '6px auto 8px',
});
const cell: CSSProperties = { verticalAlign: 'top', padding: 0 };
const bordered: CSSProperties = { border: '1px solid #000', padding: '2px 4px', verticalAlign: 'top' };

function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: ReactNode = r.text;
        if (r.italic) node = <i>{node}</i>;
        if (r.bold) node = <b>{node}</b>;
        // biome-ignore lint/suspicious/noArrayIndexKey: runs have no identity but their order
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function Table({ table }: { table: DataTable }) {
  return (
    <div style={{ overflowX: 'auto', margin: '6px 0' }}>
      {table.caption && <p style={{ ...center, fontWeight: 700, margin: '4px 0' }}>{table.caption}</p>}
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
        <thead>
          {table.header.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed header rows
            <tr key={r}>
              {row.map((h, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <th key={c} style={{ ...bordered, textAlign: 'center' }}>
                  {h}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <tr key={r} style={table.boldRows?.includes(r) ? { fontWeight: 700 } : undefined}>
              {row.map((value, c) => {
                const text = typeof value === 'string' ? value : value.text;
                const align = typeof value === 'string' ? undefined : value.align;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <td key={c} style={{ ...bordered, textAlign: align ?? 'left' }}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Block({ block }: { block: BodyBlock }) {
  const para: CSSProperties = { textAlign: 'justify', textIndent: '1cm', margin: '0 0 6px' };
  switch (block.kind) {
    case 'heading':
      return (
        <p style={{ ...para, fontWeight: 700, fontStyle: block.level === 3 ? 'italic' : 'normal' }}>
          {block.number} {block.text}
        </p>
      );
    case 'paragraph':
      return (
        <p style={para}>
          <Runs runs={block.runs} />
        </p>
      );
    case 'bullet':
      return (
        <p style={para}>
          - <Runs runs={block.runs} />
        </p>
      );
    case 'table':
      return <Table table={block.table} />;
  }
}

function Body({ blocks }: { blocks: BodyBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the body is positional
        <Block key={i} block={b} />
      ))}
    </>
  );
}

function safe<T>(make: () => T, fallback: T): T {
  try {
    return make();
  } catch {
    return fallback;
  }
}

/**
 * The page at its printed width, scaled (CSS zoom) to the room it has: a phone shows the whole page
 * as it prints, header table and all, and the reader zooms in as on a PDF.
 */
export function DocumentView({ doc }: { doc: OfficialDocument }) {
  const { ref, width } = useElementSize();
  const scale = width > 0 ? Math.min(1, width / PAGE_WIDTH) : 1;
  return (
    <div ref={ref} style={{ width: '100%' }} data-document-scale={scale.toFixed(3)}>
      <div style={{ zoom: scale }}>
        <DocumentPage doc={doc} />
      </div>
    </div>
  );
}

function DocumentPage({ doc }: { doc: OfficialDocument }) {
  const numberLine = safe(() => documentNumberText(doc.number, doc.symbol), `Số: …/${doc.symbol}`);
  const dateLine = safe(() => documentDateLine(doc.place, doc.issuedOn, doc.draftMonth), doc.place);
  const kinhGui = kinhGuiLines(doc.kinhGui);
  return (
    <article style={page} lang="vi" aria-label="Xem trước văn bản">
      <table style={{ width: '100%', borderCollapse: 'collapse', fontSize: 13 }}>
        <tbody>
          <tr>
            <td style={{ ...cell, ...center, width: '38%' }}>
              {doc.parentHeader.map((l) => (
                <div key={l}>{l}</div>
              ))}
              {doc.issuerHeader.map((l) => (
                <div key={l} style={{ fontWeight: 700 }}>
                  {l}
                </div>
              ))}
              <div style={rule('40%')} />
              <div style={{ whiteSpace: 'pre' }}>{numberLine}</div>
              {doc.type === 'CV' && <div style={{ fontSize: 12, marginTop: 6 }}>V/v {doc.subject}</div>}
            </td>
            <td style={{ ...cell, ...center }}>
              <div style={{ fontWeight: 700 }}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
              <div style={{ fontWeight: 700, fontSize: 14 }}>Độc lập - Tự do - Hạnh phúc</div>
              <div style={rule('62%')} />
              <div style={{ fontStyle: 'italic', fontSize: 14, whiteSpace: 'pre-wrap' }}>{dateLine}</div>
            </td>
          </tr>
        </tbody>
      </table>
      {doc.type !== 'CV' && (
        <div style={{ ...center, margin: '18px 0 8px' }}>
          <div style={{ fontWeight: 700 }}>{DOCUMENT_TYPES[doc.type]}</div>
          <div style={{ fontWeight: 700 }}>{doc.subject}</div>
          <div style={rule('30%')} />
        </div>
      )}
      {doc.basis?.map((b) => (
        <p key={b} style={{ fontStyle: 'italic', textIndent: '1cm', margin: '0 0 4px' }}>
          {b}
        </p>
      ))}
      {kinhGui.first && (
        <div style={{ ...center, margin: '8px 0' }}>
          <div>{kinhGui.first}</div>
          {kinhGui.rest.map((l) => (
            <div key={l}>{l}</div>
          ))}
        </div>
      )}
      <Body blocks={doc.body} />
      <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 12 }}>
        <tbody>
          <tr>
            <td style={{ ...cell, width: '50%' }}>
              <div style={{ fontWeight: 700, fontStyle: 'italic', fontSize: 12 }}>Nơi nhận:</div>
              {noiNhanLines(doc.noiNhan).map((l) => (
                <div key={l} style={{ fontSize: 11 }}>
                  {l}
                </div>
              ))}
            </td>
            <td style={{ ...cell, ...center, fontWeight: 700 }}>
              {doc.signature.lines.map((l) => (
                <div key={l}>{l}</div>
              ))}
              <div style={{ height: 90 }} />
              <div>
                {doc.signature.name || (
                  <span style={{ fontWeight: 400, color: '#888' }}>(chưa chọn người ký)</span>
                )}
              </div>
            </td>
          </tr>
        </tbody>
      </table>
      {doc.appendices.map((a) => (
        <section
          key={a.label + a.title}
          style={{ marginTop: 32, borderTop: '1px dashed #999', paddingTop: 16 }}
        >
          <div style={{ ...center, fontWeight: 700 }}>{a.label}</div>
          <div style={{ ...center, fontWeight: 700 }}>{a.title}</div>
          <div style={{ ...center, fontStyle: 'italic' }}>{a.note ?? safe(() => appendixNote(doc), '')}</div>
          <Body blocks={a.body} />
        </section>
      ))}
    </article>
  );
}
