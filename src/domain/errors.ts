/**
 * The one error type of the system. Every code has an HTTP status and a Vietnamese message that a
 * user can act on; the server turns anything else into INTERNAL with a request id and no details.
 */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, message: 'Yêu cầu không hợp lệ.' },
  VALIDATION: {
    status: 400,
    message: 'Dữ liệu nhập chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
  },
  MALFORMED_JSON: { status: 400, message: 'Dữ liệu gửi lên không đúng định dạng JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Định dạng dữ liệu gửi lên không được hỗ trợ (cần JSON).' },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'Dữ liệu gửi lên quá lớn (tối đa 1 MB). Nếu vừa dán một văn bản dài, hãy rút gọn rồi lưu lại.',
  },
  UNAUTHENTICATED: {
    status: 401,
    message: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
  },
  INVALID_CREDENTIALS: { status: 401, message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  ACCOUNT_DISABLED: { status: 403, message: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.' },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.' },
  CSRF: { status: 403, message: 'Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.' },
  FORBIDDEN: { status: 403, message: 'Bạn không có quyền thực hiện thao tác này.' },
  NOT_FOUND: { status: 404, message: 'Không tìm thấy nội dung yêu cầu.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'Không có địa chỉ này trong hệ thống.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Phương thức không được hỗ trợ cho địa chỉ này.' },
  CONFLICT: { status: 409, message: 'Dữ liệu đã bị thay đổi hoặc đã tồn tại.' },
  REPORT_CONFLICT: {
    status: 409,
    message:
      'Báo cáo đã được người khác lưu trong lúc bạn đang sửa. Bản của bạn chưa được lưu: hãy so sánh hai bản rồi chọn bản giữ lại.',
  },
  REPORT_LOCKED: {
    status: 409,
    message: 'Báo cáo đã gửi lãnh đạo hoặc đã ban hành nên không sửa được nữa.',
  },
  REPORT_INCOMPLETE: {
    status: 400,
    message: 'Báo cáo chưa gửi được: còn mục bắt buộc chưa điền hoặc số liệu chưa hợp lệ.',
  },
  PERIOD_IN_FUTURE: {
    status: 400,
    message: 'Kỳ báo cáo này chưa bắt đầu (chưa đến ngày mở số liệu), nên chưa lập báo cáo được.',
  },
  OUTLINE_BUILT_IN: {
    status: 409,
    message: 'Đề cương có sẵn của hệ thống không sửa trực tiếp được. Hãy nhân bản đề cương rồi sửa bản sao.',
  },
  OUTLINE_CONFLICT: {
    status: 409,
    message: 'Đề cương đã có phiên bản mới hơn do người khác lưu. Hãy tải lại đề cương rồi sửa tiếp.',
  },
  INTERNAL: {
    status: 500,
    message:
      'Hệ thống gặp lỗi không mong muốn. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên kèm mã yêu cầu.',
  },
  UNAVAILABLE: { status: 503, message: 'Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau.' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message:
      'Tạm thời không kết nối được tới cơ sở dữ liệu (máy chủ CSDL đang khởi động lại hoặc bị gián đoạn). Thao tác vừa rồi chưa được lưu; vui lòng thử lại sau ít giây.',
  },
  NOT_DOCX: {
    status: 400,
    message:
      'Tệp không phải văn bản Word (.docx) hợp lệ. Hãy chọn tệp .docx lưu từ Word, LibreOffice hoặc từ hệ thống.',
  },
  PDF_UNAVAILABLE: {
    status: 503,
    message:
      'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản DOCX rồi mở bằng Word hoặc LibreOffice để in hoặc lưu thành PDF.',
  },
  PDF_BUSY: {
    status: 503,
    message:
      'Máy chủ đang bận chuyển nhiều văn bản khác sang PDF. Vui lòng thử lại sau ít giây; bản DOCX vẫn tải được ngay.',
  },
  PDF_FAILED: {
    status: 502,
    message:
      'Chuyển văn bản sang PDF không thành công (LibreOffice không tạo được tệp). Hãy thử lại; nếu vẫn lỗi, tải bản DOCX để in.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  /** Dotted path of the field: "roles.0.unitId". */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, message?: string, fields?: FieldError[]) {
    super(message ?? ERROR_CODES[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.fields = fields;
  }
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    fields?: FieldError[];
  };
}
