import ArgumentParser
import Foundation
import PaddockCore
import PaddockStore

/// `paddock mail-in`: one message on standard input, as an MTA pipes it
/// (Postfix `pipe` or an aliases(5) `|command`, Exim's pipe transport). The
/// exit status is what the MTA acts on (sysexits.h), so it never follows
/// Paddock's usual 0/1: 0 handled, 67 no such address, 65 refused, 75 try again.
struct MailInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail-in",
        abstract: "Read one message on stdin, as an MTA delivers it: post a reply by mail, unsubscribe, or count a bounce.",
        discussion: """
            The message goes to reply+TOKEN@, unsubscribe+TOKEN@ or bounce+N@ the mail_host \
            (from the envelope recipient: --recipient, else $ORIGINAL_RECIPIENT or $RECIPIENT as \
            Postfix and Exim set them; else Delivered-To, X-Original-To, To, Cc). A reply posts \
            the sender's own text (quotes and signature removed) in the thread, as the member, \
            when the sender is the member the address was made for. Automatic mail \
            (auto-replies, bounces, lists) is never posted and never answered.

            Exit status (sysexits): 0 posted or handled (also for automatic mail and for a message \
            delivered twice); 67 (EX_NOUSER) unknown or expired address, or a sender who is not \
            its member; 65 (EX_DATAERR) refused by the community's rules, no text of its own, or \
            not a mail message; 75 (EX_TEMPFAIL) the community file is busy or cannot be used now, \
            so the MTA keeps the message and tries again. A refusal is one line on stderr, which \
            the MTA puts in its answer to the sender.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The envelope recipient the MTA delivered for (Postfix pipe: ${recipient}; Exim: $local_part@$domain).",
                               valueName: "address"))
    var recipient: String?

    static let handled: Int32 = 0
    static let dataError: Int32 = 65  // EX_DATAERR
    static let noUser: Int32 = 67  // EX_NOUSER
    static let tryAgain: Int32 = 75  // EX_TEMPFAIL

    func run() throws {
        let raw = Array(FileHandle.standardInput.readDataToEndOfFile())
        let (status, line, toStderr) = Self.receive(raw, recipient: recipient, global: global)
        let text = SafeText.errorLine(line) + "\n"
        (toStderr ? FileHandle.standardError : FileHandle.standardOutput).write(Data(("paddock: " + text).utf8))
        if status != 0 { Foundation.exit(status) }
    }

    /// The exit status and the one line to print for a message.
    static func receive(_ raw: [UInt8], recipient: String?, global: GlobalOptions) -> (Int32, String, Bool) {
        let environment = ProcessInfo.processInfo.environment
        let envelope = [recipient, environment["ORIGINAL_RECIPIENT"], environment["RECIPIENT"]].compactMap { $0 }.filter { !$0.isEmpty }
        do {
            let community = try global.community()
            let host = try community.mailSettings().host
            let mail: IncomingMail
            do {
                mail = try IncomingMail.parse(raw, envelopeRecipients: envelope, host: host)
            } catch {
                return (dataError, "nothing was posted: \(error.description)", true)
            }
            return (handled, describe(try community.receiveMail(mail)), false)
        } catch let refusal as MailInRefusal {
            return (refusal.kind == .unknownAddress ? noUser : dataError, refusal.message, true)
        } catch let error as OpenError {
            return (tryAgain, "\(error.description); the message waits for another try", true)
        } catch {
            // The community could not judge the message now (busy, read-only, full disk): the MTA keeps it and retries.
            let reason = StorageFailure(error, path: global.databasePath)?.description ?? "\(error)"
            return (tryAgain, "\(reason); the message waits for another try", true)
        }
    }

    static func describe(_ result: MailInResult) -> String {
        switch result {
        case .posted(let post, let thread, let position, let handle):
            "posted #\(post) in thread #\(thread) (reply \(position)) as \(handle)"
        case .alreadyPosted(let post):
            "already posted as #\(post): this message was delivered before"
        case .ignoredAutomatic(let reason):
            "ignored automatic mail (\(reason)): nothing posted"
        case .unsubscribed(let handle, let already):
            already ? "mail to \(handle) had already stopped" : "mail to \(handle) stopped (unsubscribed by mail)"
        case .bounceCounted(let handle, let count, let stopped):
            "hard bounce \(count) of \(MailPreferenceRecord.hardBounceLimit) counted for \(handle)" + (stopped ? ": their mail stopped" : "")
        case .bounceIgnored(let reason):
            "bounce not counted: \(reason)"
        }
    }
}
