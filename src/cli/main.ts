/** The `doingoai` command: serve, migrate, seed, user add, backup, restore. */
import { randomBytes } from 'node:crypto';
import { Command, Option } from 'commander';
import { eq } from 'drizzle-orm';
import { CLI_ACTOR } from '../db/audit.js';
import { seedCatalogue } from '../db/catalogue.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../db/demo.js';
import { hashPassword } from '../db/password-hash.js';
import { units } from '../db/schema.js';
import { createUser } from '../db/users.js';
import { createUserBody } from '../domain/api.js';
import { ROLES } from '../domain/authz.js';
import { AppError } from '../domain/errors.js';
import { passwordProblem } from '../server/auth/password-policy.js';
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { registerBackupCommands } from './backup.js';
import { registerCheckCommand } from './check.js';
import { openConfiguredDatabase } from './database.js';
import { CliError } from './errors.js';
import { registerOutlineCommands } from './outline.js';
import { registerPreview } from './preview.js';
import { registerRenderCommand } from './render.js';
import { serve } from './serve.js';
import { registerUnitCommands } from './units.js';

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function buildProgram(): Command {
  const program = new Command('doingoai')
    .description('Hệ thống báo cáo công tác đối ngoại của chính quyền địa phương')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('serve')
    .description('Chạy máy chủ web và API (mặc định http://localhost:3000; PORT, DATA_DIR, DATABASE_URL)')
    .option('--no-demo', 'không tạo dữ liệu demo trên CSDL nhúng')
    .action(async (opts: { demo: boolean }) => serve(config(), { demo: opts.demo }));

  program
    .command('migrate')
    .description('Áp dụng các bản cập nhật cấu trúc CSDL (migration)')
    .action(async () => {
      const database = await openConfiguredDatabase(config());
      try {
        await database.migrate();
        console.log(`Đã cập nhật cấu trúc CSDL (${database.kind}, ${database.location}).`);
      } finally {
        await database.close();
      }
    });

  program
    .command('seed')
    .description(
      'Nạp danh mục 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu; --demo thêm tỉnh demo Hà Tĩnh',
    )
    .option('--demo', 'thêm dữ liệu demo: Sở Ngoại vụ, người ký và tài khoản demo của tỉnh Hà Tĩnh')
    .action(async (opts: { demo?: boolean }) => {
      const database = await openConfiguredDatabase(config());
      try {
        await database.migrate();
        const result = await database.db.transaction(async (tx) => ({
          added: await seedCatalogue(tx, CLI_ACTOR),
          demo: opts.demo ? await seedDemo(tx, CLI_ACTOR) : false,
        }));
        console.log(`Danh mục đơn vị: thêm ${result.added} đơn vị.`);
        if (opts.demo) {
          console.log(
            result.demo
              ? `Đã tạo dữ liệu demo. Tài khoản (mật khẩu ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`
              : 'Dữ liệu demo đã có sẵn.',
          );
        }
      } finally {
        await database.close();
      }
    });

  const user = program.command('user').description('Quản lý người dùng');
  user
    .command('add')
    .description(
      'Tạo người dùng, ví dụ quản trị viên đầu tiên: doingoai user add quantri --name "…" --role admin --unit VN',
    )
    .argument('<username>', 'tên đăng nhập (chữ thường không dấu, số, dấu chấm, gạch ngang)')
    .requiredOption('--name <fullName>', 'họ và tên')
    .addOption(new Option('--role <role>', 'vai trò').choices([...ROLES]).makeOptionMandatory())
    .requiredOption(
      '--unit <code>',
      'mã đơn vị giữ vai trò: VN (cả nước), mã tỉnh "42", mã xã "18562", cơ quan "42.SNGV"',
    )
    .option(
      '--password-stdin',
      'đọc mật khẩu từ đầu vào chuẩn; nếu không, hệ thống tạo mật khẩu ngẫu nhiên và in ra',
    )
    .action(
      async (
        username: string,
        opts: { name: string; role: string; unit: string; passwordStdin?: boolean },
      ) => {
        const generated = !opts.passwordStdin;
        const password = opts.passwordStdin ? await readStdin() : randomBytes(12).toString('base64url');
        const database = await openConfiguredDatabase(config());
        try {
          await database.migrate();
          const [unit] = await database.db
            .select({ id: units.id })
            .from(units)
            .where(eq(units.code, opts.unit))
            .limit(1);
          if (!unit) {
            throw new CliError(
              `Không có đơn vị mã "${opts.unit}". Hãy chạy "doingoai seed" để nạp danh mục trước.`,
              2,
            );
          }
          const parsed = createUserBody.safeParse({
            username,
            fullName: opts.name,
            password,
            grants: [{ role: opts.role, unitId: unit.id }],
          });
          if (!parsed.success) {
            throw new CliError(parsed.error.issues.map((i) => i.message).join('\n'), 2);
          }
          const body = parsed.data;
          const problem = passwordProblem(body.password, body);
          if (problem) throw new CliError(problem, 2);
          const passwordHash = await hashPassword(body.password);
          const created = await database.db.transaction((tx) =>
            createUser(tx, CLI_ACTOR, {
              username: body.username,
              fullName: body.fullName,
              passwordHash,
              grants: body.grants,
            }),
          );
          console.log(`Đã tạo người dùng ${created.username} (${created.fullName}).`);
          if (generated)
            console.log(`Mật khẩu: ${password}\nHãy đổi mật khẩu này sau lần đăng nhập đầu tiên.`);
        } finally {
          await database.close();
        }
      },
    );

  registerBackupCommands(program, config);
  registerPreview(program);
  registerRenderCommand(program);
  registerCheckCommand(program);
  registerOutlineCommands(program);
  registerUnitCommands(program, config);

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      return error.exitCode;
    }
    if (error instanceof AppError) {
      console.error([error.message, ...(error.fields ?? []).map((f) => `  - ${f.message}`)].join('\n'));
      return 2;
    }
    console.error(error);
    return 1;
  }
}
