import CityCertCore
import Foundation

/// Prints the report's HTML to PDF with headless Chromium (the page layout is the HTML's own:
/// `@page` margin boxes carry the title, the issue date and the page numbers; the browser's header
/// and footer are turned off).
///
/// Chromium is looked up as `CITYCERT_CHROMIUM`, then `chromium`, `chromium-browser`,
/// `google-chrome-stable` and `google-chrome` on `PATH`. It runs in a temporary folder with its own
/// profile, under a time limit; the PDF is then written atomically where asked.
public enum PDFPrinter {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case noBrowser
        case browserMissing(String)
        case timedOut(seconds: Int)
        case failed(status: Int32, log: String)
        case noOutput(log: String)
        case pdftotextMissing

        public var description: String {
            switch self {
            case .noBrowser:
                return "no Chromium to print the PDF with: install the Debian package chromium (apt-get install chromium), "
                    + "or name a Chromium or Chrome binary in CITYCERT_CHROMIUM"
            case .browserMissing(let path):
                return "CITYCERT_CHROMIUM names \(path), which is not an executable file"
            case .timedOut(let s):
                return "Chromium did not finish printing within \(s) s (stopped); try again, or print the html report yourself"
            case let .failed(status, log):
                return "Chromium failed (exit status \(status))" + (log.isEmpty ? "" : ":\n\(log)")
            case .noOutput(let log):
                return "Chromium wrote no PDF" + (log.isEmpty ? "" : ":\n\(log)")
            case .pdftotextMissing:
                return "no pdftotext to preview the PDF with: install the Debian package poppler-utils"
            }
        }
    }

    /// The message in the screen's language.
    public static func message(_ error: Error, _ language: Language) -> String {
        guard language == .ko, let f = error as? Failure else { return "\(error)" }
        switch f {
        case .noBrowser:
            return "PDF를 인쇄할 Chromium이 없습니다. 데비안 패키지 chromium을 설치하거나 (apt-get install chromium) CITYCERT_CHROMIUM에 Chromium 또는 Chrome 실행 파일을 지정하세요"
        case .browserMissing(let path):
            return "CITYCERT_CHROMIUM에 지정된 \(path)은(는) 실행 파일이 아닙니다"
        case .timedOut(let seconds):
            return "Chromium이 \(seconds)초 안에 인쇄를 마치지 못해 중단했습니다. 다시 시도하거나 html 보고서를 직접 인쇄하세요"
        case let .failed(status, log):
            return "Chromium 실행 실패 (종료 상태 \(status))" + (log.isEmpty ? "" : ":\n\(log)")
        case .noOutput(let log):
            return "Chromium이 PDF를 만들지 않았습니다" + (log.isEmpty ? "" : ":\n\(log)")
        case .pdftotextMissing:
            return "PDF 미리보기에 필요한 pdftotext가 없습니다. 데비안 패키지 poppler-utils를 설치하세요"
        }
    }

    /// The browser to print with, or why there is none.
    public static func browser(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let named = environment["CITYCERT_CHROMIUM"], !named.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: named) else { throw Failure.browserMissing(named) }
            return named
        }
        for name in ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"] {
            if let path = which(name, environment: environment) { return path }
        }
        throw Failure.noBrowser
    }

    /// An executable on `PATH`, or nil.
    public static func which(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for dir in (environment["PATH"] ?? "").split(separator: ":") where !dir.isEmpty {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The PDF of an HTML document, as bytes.
    public static func pdf(html: String, timeout: TimeInterval = 120,
                           environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Data {
        let browser = try browser(environment: environment)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("report.html"), output = dir.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let log = dir.appendingPathComponent("chromium.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
            "--no-pdf-header-footer", "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL); _ = done.wait(timeout: .now() + 5) }
            throw Failure.timedOut(seconds: Int(timeout))
        }
        let tail = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").suffix(8).joined(separator: "\n")
        guard process.terminationStatus == 0 else { throw Failure.failed(status: process.terminationStatus, log: tail) }
        guard let data = try? Data(contentsOf: output), data.count > 0 else { throw Failure.noOutput(log: tail) }
        return data
    }

    /// Prints HTML to a PDF file (atomically) and returns the absolute path written.
    @discardableResult
    public static func print(html: String, to path: String, timeout: TimeInterval = 120) throws -> String {
        try ExportFile.write(try pdf(html: html, timeout: timeout), to: path)
    }

    /// The text of each page of a PDF, for a preview in the terminal: `pdftotext -bbox` gives the
    /// words and their positions, ``PDFTextLayout`` lays them out by display width.
    public static func pageTexts(_ pdf: Data, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [[String]] {
        guard let tool = which("pdftotext", environment: environment) else { throw Failure.pdftotextMissing }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("citycert-pdftext-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("report.pdf"), output = dir.appendingPathComponent("report.html")
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-bbox", "-enc", "UTF-8", input.path, output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = try? String(contentsOf: output, encoding: .utf8) else {
            throw Failure.failed(status: process.terminationStatus, log: "pdftotext")
        }
        return PDFTextLayout.pages(bboxXHTML: text)
    }
}
