import ArgumentParser
import CityCertCore
import CityCertRuntime
import CityCertStore
import CityCertTUI
import Foundation
import Terminal

/// The default command: the terminal workstation.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the terminal workstation (the default).",
        discussion: """
        Without --store, a writable copy of the bundled sample store is made in
        $XDG_DATA_HOME/citycert/sample-store (default ~/.local/share/...) and opened; the copy is kept between runs. Without --as, the member whose login is your user name, else a list to choose from.
        """)

    @Option(help: "The store directory; without it, a writable copy of the bundled sample store.")
    var store: String?
    @Option(name: .customLong("as"), help: "Act as this committee member (member id).")
    var member: String?
    @Option(help: "Language of the labels: ko or en (default: from LANG).")
    var lang: LanguageArgument?
    @Option(name: .long, help: ArgumentHelp("The private signing key (default: $CITYCERT_KEY, else $XDG_CONFIG_HOME/citycert/keys/<member>.ed25519).", valueName: "file"))
    var key: String?

    func run() throws {
        let path = try storePath()
        let store = try openStore(at: path)
        let language = lang?.language ?? Self.defaultLanguage(ProcessInfo.processInfo.environment)
        let (memberID, reason) = try chooseMember(store, language: language)
        guard NcursesTerminal.isInteractive() else {
            Console.error("citycert: the workstation needs a terminal (standard input and output are not one).")
            Console.error("For scripts: citycert validate / report --store \(path)")
            throw ExitCode(2)
        }
        let env = ProcessInfo.processInfo.environment
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(colors: env["NO_COLOR"] == nil)
        } catch {
            Console.error("citycert: \(error)")
            throw ExitCode(1)
        }
        StoreLocks.notice = nil   // the screen is the terminal's now
        let runner = EffectRunner(store: store, memberID: memberID, draftsEnvironment: env)
        runner.beforeSlowEffect = { terminal.draw(View.render($0)) }
        let size = terminal.size
        var state = runner.start(language: language, colors: terminal.hasColors,
                                 width: size.width, height: size.height, reason: reason)
        Self.loop(terminal, runner, &state)
        terminal.restore()
    }

    /// Opens the store with its signing key, and says what changed since this client last saw it
    /// (trust on first use).
    func openStore(at path: String) throws -> Store {
        let store: Store
        do {
            store = try Store.open(at: path)
            if let key {
                store.keySource = .file(key)
            } else if self.store == nil {
                // The per-user sample copy signs with the sample committee's keys (sample data,
                // copied next to it; never a member's own key folder).
                let source = Self.bundledSample().deletingLastPathComponent().appendingPathComponent("sample-data-keys")
                if let keys = try? SampleStore.prepareKeys(from: source, to: SampleStore.defaultKeysLocation()) {
                    store.keySource = .folder(keys.path)
                }
            }
        } catch {
            Console.error("citycert: cannot open the store at \(path):")
            for p in error.problems { Console.error("  \(p)") }
            throw ExitCode(1)
        }
        let known = store.checkKnownState(KnownStores.standard())
        for warning in known { Console.error("citycert: \(warning)") }
        if !known.isEmpty, NcursesTerminal.isInteractive() {
            Console.error("citycert: see Docs/deployment.md (Trust on first use); press Enter to open the store anyway")
            _ = readLine()
        }
        return store
    }

    /// The run loop: draw, read a key, send it, until the state says quit (or input is closed).
    static func loop(_ terminal: NcursesTerminal, _ runner: EffectRunner, _ state: inout AppState) {
        while !state.quitting {
            runner.deliverReads(to: &state)      // evidence read in the background meanwhile
            terminal.draw(View.render(state))
            // Every two seconds without a key, show what others changed in the store meanwhile;
            // while evidence is being read, look for it often.
            let reading = runner.isReading
            guard var input = terminal.readInput(timeoutMilliseconds: reading ? 50 : 2000) else {
                if terminal.inputClosed { break }
                if !reading { runner.send(.tick, to: &state) }
                continue
            }
            // Everything already typed is handled before the next draw (typing ahead stays quick).
            while true {
                switch input {
                case .key(.resize):
                    let s = terminal.size
                    runner.send(.resize(width: s.width, height: s.height), to: &state)
                case .key(let key):
                    runner.send(.key(key), to: &state)
                case .paste(let text):
                    runner.send(.paste(text), to: &state)
                }
                guard !state.quitting, terminal.hasPendingInput(), let next = terminal.readInput(timeoutMilliseconds: 0) else { break }
                input = next
            }
        }
    }

    /// The store to open: --store, or the per-user copy of the bundled sample store.
    func storePath() throws -> String {
        if let store { return store }
        let source = Self.bundledSample()
        let copy = SampleStore.defaultCopyLocation()
        do {
            let made = try SampleStore.prepare(from: source, to: copy)
            Console.error("citycert: \(made ? "copied the sample store to" : "using the sample store copy at") \(copy.path)")
            Console.error("          (the repository's sample-data/ is never changed; delete the copy to start over)")
        } catch {
            Console.error("citycert: cannot copy the sample store from \(source.path) to \(copy.path): \(error)")
            throw ExitCode(1)
        }
        return copy.path
    }

    /// The repository's sample-data folder ($CITYCERT_SAMPLE_DATA overrides).
    static func bundledSample() -> URL {
        if let p = ProcessInfo.processInfo.environment["CITYCERT_SAMPLE_DATA"] { return URL(fileURLWithPath: p) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data")
    }

    /// The member to act as, or nil (and why) to show the committee list.
    func chooseMember(_ store: Store, language: Language) throws -> (String?, String) {
        if let member {
            guard store.committee.member(member) != nil else {
                Console.error("citycert: '\(member)' is not a member of the committee; members: \(store.committee.members.map(\.id).joined(separator: ", "))")
                throw ExitCode(2)
            }
            try Self.requireIdentity(member, store)
            return (member, "")
        }
        let user = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        if let m = store.committee.members.first(where: { $0.login == user }) { try Self.requireIdentity(m.id, store); return (m.id, "") }
        return (nil, language.pick("No member has the login '\(user)'. Choose who you are.", "로그인 '\(user)'에 해당하는 위원이 없습니다. 누구로 평가할지 고르세요."))
    }

    /// The store's identity rule (a member with a login is that OS user), checked before the screen opens.
    static func requireIdentity(_ member: String, _ store: Store) throws {
        do {
            try store.checkIdentity(member)
        } catch {
            Console.error("citycert: \(error.message(Console.language))")
            throw ExitCode(1)
        }
    }

    static func defaultLanguage(_ env: [String: String]) -> Language {
        let value = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LC_MESSAGES"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        return value.lowercased().hasPrefix("ko") ? .ko : .en
    }
}
