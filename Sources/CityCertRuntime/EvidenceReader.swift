import CityCertCore
import CityCertStore
import CityCertTUI
import Foundation

/// Reads evidence files for the viewer: text whole (up to a size), a PDF one page at a time through
/// poppler-utils' `pdftotext` run as a separate process with a time and an output limit, anything
/// else by its name, type and size. It never reads outside the application folder: every path goes
/// through `Store.evidenceURL`, the rules `validate` applies.
public struct EvidenceReader: Sendable {
    /// The largest text, Markdown or CSV file shown inline.
    public var maxTextBytes: Int64 = 4 * 1024 * 1024
    /// The longest `pdftotext` or `pdfinfo` may run.
    public var timeout: TimeInterval = 10
    /// The most text taken from one page.
    public var maxPageBytes = 1024 * 1024
    /// Where `pdftotext` and `pdfinfo` are looked for (PATH).
    public var searchPath: [String]

    public init(searchPath: [String]? = nil) {
        self.searchPath = searchPath ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    }

    /// Sizes and problems of an application's evidence files.
    public func infos(_ store: Store, application: String, files: [String]) -> [EvidenceInfo] {
        files.map { file in
            do throws(EvidenceFileError) {
                let url = try store.evidenceURL(application: application, file: file)
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value
                return EvidenceInfo(file: file, size: size)
            } catch {
                return EvidenceInfo(file: file, problem: error.message)
            }
        }
    }

    /// What the viewer shows of one file (a PDF: of one page).
    public func read(_ store: Store, application: String, file: String, page: Int?, language: Language) -> EvidenceContent {
        let lang = language
        let url: URL
        do throws(EvidenceFileError) {
            url = try store.evidenceURL(application: application, file: file)
        } catch {
            return .failed(lang.pick("Cannot show \(file): \(error.message).", "\(file)을(를) 볼 수 없습니다: \(error.message)."))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
        switch EvidenceKind.of(file) {
        case .pdf:
            return pdfPage(url, file: file, page: page ?? 1, lang)
        case .text, .markdown, .csv:
            guard size <= maxTextBytes else {
                return .failed(lang.pick("\(file) is too large to show here (\(size) bytes; the limit is \(maxTextBytes)).",
                                         "\(file)은(는) 너무 커서 여기서 볼 수 없습니다 (\(size)바이트, 한도 \(maxTextBytes))."))
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return .failed(lang.pick("\(file) cannot be read.", "\(file)을(를) 읽을 수 없습니다."))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                return .failed(lang.pick("\(file) is not UTF-8 text.", "\(file)은(는) UTF-8 텍스트가 아닙니다."))
            }
            return .text(text)
        case .other:
            let ext = url.pathExtension.isEmpty ? "?" : url.pathExtension.lowercased()
            return .other(type: ext, size: size, openCommand: "xdg-open '\(url.path)'")
        }
    }

    /// The poppler-utils program of that name on the search path.
    func tool(_ name: String) -> URL? {
        for dir in searchPath where !dir.isEmpty {
            let p = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: p) { return URL(fileURLWithPath: p) }
        }
        return nil
    }

    func pdfPage(_ url: URL, file: String, page: Int, _ lang: Language) -> EvidenceContent {
        guard let pdftotext = tool("pdftotext") else {
            return .failed(lang.pick("PDF pages are shown with pdftotext, which is not installed: install the package poppler-utils (sudo apt-get install poppler-utils).",
                                     "PDF는 pdftotext로 보여 주는데 설치되어 있지 않습니다: poppler-utils 패키지를 설치하세요 (sudo apt-get install poppler-utils)."))
        }
        // The page count, when pdfinfo answers (the page is shown without it otherwise).
        var count: Int?
        if let pdfinfo = tool("pdfinfo"), case .finished(let data, _) = ChildProcess.run(pdfinfo, [url.path], timeout: timeout, limit: 64 * 1024) {
            let text = String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("Pages:") {
                count = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
            }
        }
        if let count, page > count {
            return .failed(lang.pick("\(file) has \(count) page(s); page \(page) does not exist.", "\(file)은(는) \(count)쪽까지 있습니다. \(page)쪽은 없습니다."))
        }
        switch ChildProcess.run(pdftotext, ["-layout", "-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", url.path, "-"], timeout: timeout, limit: maxPageBytes) {
        case .finished(let data, let status):
            guard status == 0 else {
                return .failed(lang.pick("pdftotext could not read page \(page) of \(file) (exit \(status)); the file may be damaged.",
                                         "pdftotext가 \(file)의 \(page)쪽을 읽지 못했습니다 (종료 \(status)). 파일이 손상되었을 수 있습니다."))
            }
            return .pdfPage(text: String(decoding: data, as: UTF8.self), page: page, pageCount: count)
        case .timedOut:
            return .failed(lang.pick("pdftotext took longer than \(Int(timeout)) s on page \(page) of \(file) and was stopped.",
                                     "pdftotext가 \(file)의 \(page)쪽에서 \(Int(timeout))초를 넘겨 중단했습니다."))
        case .tooLarge:
            return .failed(lang.pick("Page \(page) of \(file) holds more than \(maxPageBytes) bytes of text and is not shown.",
                                     "\(file)의 \(page)쪽 텍스트가 \(maxPageBytes)바이트를 넘어 보여 주지 않습니다."))
        case .failedToStart(let why):
            return .failed(lang.pick("pdftotext could not be started: \(why)", "pdftotext를 실행할 수 없습니다: \(why)"))
        }
    }
}

/// Running a program with a time limit and a limit on what it prints. The program runs in its own
/// process group, so that whatever it started is stopped with it; the pipe is read with poll(2)
/// against the deadline, so nothing here can block past it.
enum ChildProcess {
    enum Outcome { case finished(Data, status: Int32), timedOut, tooLarge, failedToStart(String) }

    static func run(_ exe: URL, _ args: [String], timeout: TimeInterval, limit: Int) -> Outcome {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return .failedToStart("pipe: \(String(cString: strerror(errno)))") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        defer { close(readEnd) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([exe.path] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, exe.path, &actions, &attributes, argv, environ)
        close(writeEnd)
        guard spawned == 0 else { return .failedToStart(String(cString: strerror(spawned))) }

        var data = Data()
        var outcome: Outcome?
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while outcome == nil {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { outcome = .timedOut; break }
            var pfd = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(left, 0.2) * 1000) + 1)
            if ready < 0 { if errno == EINTR { continue }; break }
            if ready == 0 { continue }
            let n = read(readEnd, &buffer, buffer.count)
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; break }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            if data.count > limit { outcome = .tooLarge }
        }
        var status: Int32 = 0
        // Its output ended: it should exit now; one that closed its output and hangs is stopped at the deadline too.
        while outcome == nil {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { return finish(data, status) }
            if deadline.timeIntervalSinceNow <= 0 { outcome = .timedOut; break }
            usleep(10_000)
        }
        // Stopped early: the whole group goes (a shell's children too).
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return outcome!
    }

    static func finish(_ data: Data, _ status: Int32) -> Outcome {
        if (status & 0x7f) != 0 {
            // Killed by a signal without our asking (a crash of pdftotext on a damaged file).
            return .finished(data, status: 128 + (status & 0x7f))
        }
        return .finished(data, status: (status >> 8) & 0xff)
    }
}

/// Evidence read on another thread, waiting to be handed to `update` by the run loop.
final class EvidenceMailbox: @unchecked Sendable {
    private var messages: [Message] = []
    private var pending = 0
    private let lock = NSLock()
    func started() { lock.lock(); pending += 1; lock.unlock() }
    func finished(_ m: Message) { lock.lock(); messages.append(m); pending -= 1; lock.unlock() }
    func take() -> [Message] { lock.lock(); defer { lock.unlock() }; let m = messages; messages = []; return m }
    var isWaiting: Bool { lock.lock(); defer { lock.unlock() }; return pending > 0 || !messages.isEmpty }
}

extension EffectRunner {
    func performEvidence(_ effect: EvidenceEffect, _ language: Language) -> [Message] {
        switch effect {
        case let .list(app, files):
            return [.evidenceListed(application: app, evidenceReader.infos(store, application: app, files: files))]
        case let .read(app, file, page):
            let store = self.store, reader = evidenceReader
            let read: @Sendable () -> Message = {
                .evidenceRead(application: app, file: file, page: page,
                              reader.read(store, application: app, file: file, page: page, language: language))
            }
            guard readsInBackground else { return [read()] }
            // Off the key path: the screen shows "reading…" and keys still work meanwhile.
            let box = evidenceMailbox
            box.started()
            DispatchQueue.global().async { box.finished(read()) }
            return []
        }
    }

    /// Whether evidence is being read in the background (the run loop then polls more often).
    public var isReading: Bool { evidenceMailbox.isWaiting }

    /// Hands the evidence read in the background to `update`; true when something arrived.
    @discardableResult
    public func deliverReads(to state: inout AppState) -> Bool {
        let messages = evidenceMailbox.take()
        for m in messages { send(m, to: &state) }
        return !messages.isEmpty
    }
}
