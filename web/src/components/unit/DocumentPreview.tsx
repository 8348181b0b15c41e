import { Text } from '@mantine/core';

interface Props {
  parentHeader: string | null;
  issuerHeader: string;
  placeName: string;
  symbol: string;
}

/**
 * How the top of a report will print (Nghị định 30/2020): the issuer on the left over "Số: …/BC-…",
 * the national motto on the right over the place and date line.
 */
export function DocumentPreview({ parentHeader, issuerHeader, placeName, symbol }: Props) {
  const issuerLines = issuerHeader.split('\n').filter((line) => line.trim() !== '');
  return (
    <div className="doc-preview" role="img" aria-label="Xem trước phần đầu văn bản">
      <div className="doc-preview-grid">
        <div>
          {parentHeader && <div>{parentHeader}</div>}
          {issuerLines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place.
            <div key={i} style={{ fontWeight: 700 }}>
              {line}
            </div>
          ))}
          <div className="doc-preview-rule" />
          <div>Số: …/BC-{symbol || '…'}</div>
        </div>
        <div>
          <div style={{ fontWeight: 700 }}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div style={{ fontWeight: 700 }}>Độc lập - Tự do - Hạnh phúc</div>
          <div className="doc-preview-rule" />
          <div style={{ fontStyle: 'italic' }}>{placeName || '…'}, ngày … tháng … năm …</div>
        </div>
      </div>
      {issuerLines.length === 0 && (
        <Text size="xs" c="red" mt={4}>
          Chưa có tên cơ quan ban hành.
        </Text>
      )}
    </div>
  );
}
