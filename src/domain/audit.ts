/** The audit trail as users read it: Vietnamese names for each recorded action. Pure. */

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'catalogue.seed': 'Nạp danh mục đơn vị',
  'unit.create': 'Thêm cơ quan cấp tỉnh',
  'unit.identity.update': 'Sửa thông tin in trên văn bản',
  'unit.recipients.update': 'Sửa nơi gửi, nơi nhận',
  'signer.create': 'Thêm người ký',
  'signer.update': 'Sửa người ký',
  'signer.retire': 'Thôi dùng người ký',
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng',
  'user.update.password': 'Đặt lại mật khẩu người dùng',
  'user.password.change': 'Tự đổi mật khẩu',
  'user.email.change': 'Tự đổi địa chỉ thư điện tử',
  'outline.seed': 'Nạp đề cương có sẵn',
  'outline.clone': 'Nhân bản đề cương',
  'outline.update': 'Sửa đề cương (phiên bản mới)',
  'report.create': 'Lập báo cáo',
  'report.save': 'Lưu báo cáo',
  'report.nil': 'Đánh dấu không phát sinh',
  'report.import': 'Nhập báo cáo từ tệp JSON',
  'report.submit': 'Gửi báo cáo cho lãnh đạo',
  'report.return': 'Trả lại báo cáo',
  'report.approve': 'Duyệt báo cáo',
  'report.receive': 'Tiếp nhận báo cáo',
  'report.accept': 'Chấp nhận báo cáo',
  'report.reject': 'Cấp trên trả lại báo cáo',
  'auth.sign_in': 'Đăng nhập',
  'auth.sign_out': 'Đăng xuất',
  'register.issue': 'Cấp số văn bản đi',
  'unit.numbering.update': 'Đổi cách đánh số văn bản',
  'report.issue': 'Ban hành báo cáo',
  'round.create': 'Mở đợt báo cáo',
  'round.update': 'Sửa đợt báo cáo',
  'round.close': 'Đóng đợt báo cáo',
  'round.reopen': 'Mở lại đợt báo cáo',
  'round.request_letter': 'Ban hành công văn đề nghị báo cáo',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
