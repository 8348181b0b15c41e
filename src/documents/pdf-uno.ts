/**
 * The helper that keeps one LibreOffice running and hands it documents: a small Python program
 * over LibreOffice's own UNO bridge (Debian package python3-uno, or the Python bundled with
 * LibreOffice's own builds). It starts soffice listening on a private pipe, connects, answers
 * `{"ready":true}`, then reads one JSON request a line (`{"id","input","output"}`), converts the
 * DOCX to PDF with the same export filter as `soffice --convert-to pdf` (writer_pdf_Export) and
 * answers `{"id","ok":true}` or `{"id","error","fatal"}`. When its input closes (the server went
 * away, even killed) it stops LibreOffice and ends. Kept as text here so that the build needs no
 * extra file: Node passes it with `python3 -c`.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, realpath } from 'node:fs/promises';
import path from 'node:path';

export const UNO_WORKER = String.raw`
import json, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p

def answer(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()

soffice, profile, pipe, start_seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
office = subprocess.Popen(
    [soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
     "-env:UserInstallation=" + profile,
     "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def stop(code):
    try:
        office.terminate()
        office.wait(5)
    except Exception:
        office.kill()
    sys.exit(code)

local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
deadline = time.time() + start_seconds
context = None
while context is None:
    try:
        context = resolver.resolve("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
    except NoConnectException:
        if office.poll() is not None:
            answer({"ready": False, "error": "soffice ended with code %s" % office.returncode})
            sys.exit(2)
        if time.time() > deadline:
            answer({"ready": False, "error": "soffice did not answer in time"})
            stop(2)
        time.sleep(0.1)
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
answer({"ready": True})

def healthy():
    # A LibreOffice that crashed leaves a dead bridge: any call on it fails.
    if office.poll() is not None:
        return False
    try:
        desktop.getComponents()
        return True
    except Exception:
        return False

load = (prop("Hidden", True), prop("ReadOnly", True), prop("MacroExecutionMode", 0), prop("UpdateDocMode", 0))
store = (prop("FilterName", "writer_pdf_Export"),)
for line in sys.stdin:
    request = json.loads(line)
    document = None
    try:
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(request["input"]), "_blank", 0, load)
        if document is None:
            raise RuntimeError("LibreOffice could not open the document")
        document.storeToURL(uno.systemPathToFileUrl(request["output"]), store)
        answer({"id": request["id"], "ok": True})
    except Exception as error:
        answer({"id": request["id"], "error": "%s: %s" % (type(error).__name__, error), "fatal": not healthy()})
    finally:
        if document is not None:
            try:
                document.close(True)
            except Exception:
                pass
stop(0)
`;

async function executable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const found = new Map<string, Promise<string | null>>();

/**
 * A Python that can `import uno` for this soffice, or null: $SOFFICE_PYTHON, the Python bundled
 * beside soffice (LibreOffice's own builds), then the system's /usr/bin/python3 (Debian's
 * python3-uno). Asked once per soffice.
 */
export function findUnoPython(soffice: string): Promise<string | null> {
  let answer = found.get(soffice);
  if (!answer) {
    answer = (async () => {
      const dir = path.dirname(await realpath(soffice).catch(() => soffice));
      const candidates = [
        ...(process.env.SOFFICE_PYTHON ? [process.env.SOFFICE_PYTHON] : []),
        path.join(dir, 'python'),
        '/usr/bin/python3',
      ];
      for (const python of candidates) {
        if (!(await executable(python))) continue;
        const imports = await new Promise<boolean>((resolve) => {
          execFile(python, ['-c', 'import uno'], { timeout: 10_000 }, (error) => resolve(!error));
        });
        if (imports) return python;
      }
      return null;
    })();
    found.set(soffice, answer);
  }
  return answer;
}
