import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { parseOutlineText } from '../domain/outlines/parse.js';
import { MAX_OUTLINE_FILE_BYTES, outlineTextFromFile } from './outline-source.js';

/** A one-page PDF with these lines in Helvetica (ASCII only), offsets computed as the format wants. */
function pdfWithLines(lines: string[]): Uint8Array {
  const stream = `BT /F1 12 Tf 72 760 Td ${lines.map((l, i) => `${i ? '0 -20 Td ' : ''}(${l}) Tj`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

async function refusal(name: string, bytes: Uint8Array): Promise<AppError> {
  try {
    await outlineTextFromFile(name, bytes);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('the text of a đề cương file', () => {
  it('reads a PDF line by line, ready for the parser', async () => {
    const text = await outlineTextFromFile(
      'de-cuong.pdf',
      pdfWithLines(['I. KET QUA', '1. Doan ra, doan vao', '2. Nguoi nuoc ngoai', 'II. KIEN NGHI']),
    );
    const parsed = parseOutlineText(text);
    expect(parsed.ok && parsed.parsed.headings.map((h) => h.title)).toEqual(['KET QUA', 'KIEN NGHI']);
  });

  it('reads plain text as NFC', async () => {
    const text = await outlineTextFromFile('a.txt', new TextEncoder().encode('1. Lãnh sự'.normalize('NFD')));
    expect(text).toBe('1. Lãnh sự');
  });

  it('refuses a file over the limit before reading it, naming the limit', async () => {
    const error = await refusal('lon.docx', new Uint8Array(MAX_OUTLINE_FILE_BYTES + 1));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('vượt giới hạn 5 MB');
  });

  it('refuses a .docx that is not a DOCX, a broken zip, an old .doc and binary junk', async () => {
    expect((await refusal('de-cuong.docx', new TextEncoder().encode('xin chào'))).message).toContain(
      'không phải là tệp DOCX (Word) hợp lệ',
    );
    const zipJunk = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect((await refusal('de-cuong.docx', zipJunk)).message).toContain('không đọc được như một tệp DOCX');
    expect((await refusal('cu.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).message).toContain('.doc');
    expect((await refusal('x.pdf', new Uint8Array([0, 0xff, 0xfe, 0]))).message).toContain(
      'không phải là tệp PDF',
    );
    expect((await refusal('trong.txt', new Uint8Array())).message).toContain('trống');
  });
});

describe('a DOCX whose headings are a Word numbered list', () => {
  it('gets the numbers Word shows (I., 1., a)) and parses into the same tree', async () => {
    const { AlignmentType, Document, LevelFormat, Packer, Paragraph } = await import('docx');
    const levels = [
      { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.' },
      { level: 1, format: LevelFormat.DECIMAL, text: '%2.' },
      { level: 2, format: LevelFormat.LOWER_LETTER, text: '%3)' },
    ].map((l) => ({ ...l, alignment: AlignmentType.LEFT }));
    const item = (text: string, level: number) =>
      new Paragraph({ text, numbering: { reference: 'dc', level } });
    const doc = new Document({
      numbering: { config: [{ reference: 'dc', levels }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'ĐỀ CƯƠNG BÁO CÁO' }),
            item('KẾT QUẢ ĐẠT ĐƯỢC', 0),
            item('Công tác quản lý đoàn ra, đoàn vào', 1),
            item('Công tác quản lý người nước ngoài', 1),
            item('Người nước ngoài cư trú', 2),
            item('Kết hôn có yếu tố nước ngoài', 2),
            new Paragraph({ text: 'Nêu số liệu cụ thể.' }),
            item('PHƯƠNG HƯỚNG', 0),
            item('Nhiệm vụ trọng tâm', 1),
          ],
        },
      ],
    });
    const text = await outlineTextFromFile('de-cuong.docx', new Uint8Array(await Packer.toBuffer(doc)));
    const parsed = parseOutlineText(text);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    expect(parsed.parsed.numbering).toEqual(['roman', 'arabic', 'letter']);
    const lines = (hs: typeof parsed.parsed.headings): string[] =>
      hs.flatMap((h) => [`${h.token} ${h.title}`, ...lines(h.children)]);
    expect(lines(parsed.parsed.headings)).toEqual([
      'I. KẾT QUẢ ĐẠT ĐƯỢC',
      '1. Công tác quản lý đoàn ra, đoàn vào',
      '2. Công tác quản lý người nước ngoài',
      'a) Người nước ngoài cư trú',
      'b) Kết hôn có yếu tố nước ngoài',
      'II. PHƯƠNG HƯỚNG',
      '1. Nhiệm vụ trọng tâm',
    ]);
  });
});
