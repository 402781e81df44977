import CPaddockPTY
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSH
import PaddockCore
import PaddockStore

/// One SSH session channel: a PTY request, then a shell request starts the app
/// in a child process on a pseudo-terminal; bytes are pumped both ways; window
/// changes resize the terminal. Exec and subsystem requests (commands, scp,
/// sftp) are refused; environment requests are ignored.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    private let server: PaddockSSHServer
    private let connection: ConnectionState
    private var logger: Logger
    private var context: ChannelHandlerContext?

    private var terminal: (term: String, columns: Int, rows: Int)?
    private var started = false
    private var finished = false
    private var registration: Int?
    private var pid: pid_t?
    /// A descriptor of the pty master kept for resizing; the pty channel owns its own.
    private var control: Int32 = -1
    private var ptyChannel: Channel?
    private var ptyOpen = false
    private var exitStatus: Int32?
    private var goodbye: String?
    private var lastInput = NIODeadline.now()
    private var idleTask: RepeatedTask?
    private var killTask: Scheduled<Void>?
    private var openedAt = NIODeadline.now()

    init(server: PaddockSSHServer, connection: ConnectionState) {
        self.server = server
        self.connection = connection
        self.logger = connection.logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true).whenFailure { _ in }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    // MARK: Requests

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            // A client without a terminal of its own (ssh -tt from a pipe) asks for 0×0: give it 80×24.
            terminal = (request.term, request.terminalCharacterWidth > 0 ? request.terminalCharacterWidth : 80,
                        request.terminalRowHeight > 0 ? request.terminalRowHeight : 24)
            reply(request.wantReply, true)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            terminal?.columns = request.terminalCharacterWidth
            terminal?.rows = request.terminalRowHeight
            if control >= 0 { _ = paddock_pty_resize(control, clamp(request.terminalRowHeight), clamp(request.terminalCharacterWidth)) }
        case let request as SSHChannelRequestEvent.ShellRequest:
            guard !started else { return reply(request.wantReply, false) }
            reply(request.wantReply, true)
            start()
        case let request as SSHChannelRequestEvent.ExecRequest:
            // Accepted, then answered with one line and exit status 1, so the client shows why.
            logger.notice("refused a command", metadata: ["length": "\(request.command.utf8.count)"])
            refuse(wantReply: request.wantReply,
                   "paddock: commands are not run here; connect with plain ssh (or ssh -t) to open Paddock")
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            logger.notice("refused a subsystem", metadata: ["subsystem": "\(request.subsystem.prefix(32))"])
            refuse(wantReply: request.wantReply, "paddock: no \(request.subsystem.prefix(32)) here; connect with plain ssh to open Paddock")
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            // Nothing from the client's environment reaches the app; TERM comes from the PTY request.
            reply(request.wantReply, false)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func reply(_ wantReply: Bool, _ ok: Bool) {
        guard wantReply, let context else { return }
        if ok {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// One line on the session's stderr, exit status 1, and the channel closes.
    private func refuse(wantReply: Bool, _ message: String) {
        guard let context else { return }
        reply(wantReply, true)
        write(message + (terminal == nil ? "\n" : "\r\n"), type: .stdErr)
        finishChannel(context, status: 1)
    }

    // MARK: Starting the app

    private func start() {
        guard let context else { return }
        started = true
        connection.sessionsStarted += 1
        guard let terminal else {
            write("paddock: Paddock needs a terminal; connect with ssh -t\r\n", type: .stdErr)
            return finishChannel(context, status: 1)
        }
        guard let identity = connection.identity else { return finishChannel(context, status: 1) }
        let settings: ServeSettings
        do {
            settings = try server.community.serveSettings()
            if case .member(let id, _, _) = identity {
                let actor = try server.community.actor(id: id)
                do {
                    try Rules.mayOpen(actor, at: Date())
                } catch {
                    logger.notice("refused a suspended member")
                    write("paddock: \(error)\r\n", type: .channel)
                    return finishChannel(context, status: 1)
                }
            }
        } catch {
            logger.error("session refused on a store error", metadata: ["error": "\(error)"])
            write("paddock: the community cannot be opened right now; try again later\r\n", type: .channel)
            return finishChannel(context, status: 1)
        }
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        switch server.registry.reserve(member: identity.memberID, settings: settings, hangUp: { reason in
            bound.eventLoop.execute { bound.value.hangUp(reason) }
        }) {
        case .failure(let refusal):
            logger.notice("session refused", metadata: ["reason": "\(refusal.message)"])
            write("paddock: \(refusal.message)\r\n", type: .channel)
            return finishChannel(context, status: 1)
        case .success(let id):
            registration = id
        }

        let (arguments, environment) = server.childCommand(identity: identity, term: terminal.term)
        var master: Int32 = -1
        var child: pid_t = 0
        let result = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in
                paddock_pty_spawn(server.configuration.executablePath, argv, envp,
                                  clamp(terminal.rows), clamp(terminal.columns), &master, &child)
            }
        }
        guard result == 0 else {
            logger.error("could not start the app", metadata: ["error": "\(String(cString: strerror(result)))"])
            write("paddock: the app could not be started; try again later\r\n", type: .channel)
            return finishChannel(context, status: 1)
        }
        pid = child
        server.registry.setChild(registration!, pid: child)
        control = fcntl(master, F_DUPFD_CLOEXEC, 3)
        openedAt = .now()
        logger.info("session opened", metadata: ["as": "\(identity.describe)", "pid": "\(child)",
                                                  "term": "\(terminal.term.prefix(32))", "size": "\(terminal.columns)x\(terminal.rows)"])
        server.reaper.watch(child) { status in
            bound.eventLoop.execute { bound.value.childExited(status) }
        }

        ptyOpen = true
        let sshChannel = context.channel
        NIOPipeBootstrap(group: context.eventLoop)
            .channelOption(ChannelOptions.autoRead, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PTYReader(session: bound, ssh: sshChannel))
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: master)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    bound.value.ptyChannel = channel
                case .failure(let error):
                    close(master)
                    bound.value.logger.error("could not attach the terminal", metadata: ["error": "\(error)"])
                    bound.value.ptyClosed()
                }
            }
        startIdleTimer(settings: settings, context: context)
    }

    private func startIdleTimer(settings: ServeSettings, context: ChannelHandlerContext) {
        let seconds = server.configuration.idleTimeoutOverride ?? settings.idleTimeoutMinutes * 60
        guard seconds > 0 else { return }
        let limit = TimeAmount.seconds(Int64(seconds))
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let every = TimeAmount.seconds(Int64(max(1, min(30, seconds / 4))))
        idleTask = context.eventLoop.scheduleRepeatedTask(initialDelay: every, delay: every) { _ in
            let session = bound.value
            guard session.goodbye == nil, NIODeadline.now() - session.lastInput >= limit else { return }
            let minutes = seconds % 60 == 0 ? TimeText.describe(seconds: seconds) : "\(seconds) seconds"
            session.logger.info("idle timeout")
            session.hangUp("closed after \(minutes) without a key press; goodbye")
        }
    }

    // MARK: Running

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard case .channel = data.type, case .byteBuffer(let bytes) = data.data else { return }
        lastInput = .now()
        ptyChannel?.writeAndFlush(bytes, promise: nil)
    }

    /// Back-pressure: while the client is not reading, stop reading what the app draws.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        ptyChannel?.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenFailure { _ in }
        context.fireChannelWritabilityChanged()
    }

    fileprivate func ptyOutput(_ bytes: ByteBuffer) {
        guard let context, context.channel.isActive else { return }
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(bytes))), promise: nil)
    }

    // MARK: Ending

    func channelInactive(context: ChannelHandlerContext) {
        // The client went away: the app gets SIGHUP and saves its drafts.
        if !finished { hangUp(nil) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.debug("session channel error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    /// Asks the app to end (SIGHUP: it saves drafts and restores the terminal);
    /// SIGKILL if it has not ended after the grace. `reason` is said to the member after the app ends.
    func hangUp(_ reason: String?) {
        if let reason, goodbye == nil { goodbye = reason }
        guard let pid, exitStatus == nil else {
            if !started, let context, let reason {
                write("paddock: \(reason)\r\n", type: .channel)
                finishChannel(context, status: 0)
            }
            return
        }
        kill(pid, SIGHUP)
        if killTask == nil, let context {
            killTask = context.eventLoop.scheduleTask(in: server.configuration.hangupGrace) {
                kill(pid, SIGKILL)
            }
        }
    }

    fileprivate func childExited(_ status: Int32) {
        killTask?.cancel()
        let code: Int32
        if status & 0x7f == 0 {
            code = (status >> 8) & 0xff
        } else {
            code = 128 + (status & 0x7f)
            logger.warning("the app ended on a signal", metadata: ["signal": "\(status & 0x7f)"])
        }
        exitStatus = code
        // The pty reports EIO once the child and its terminal are gone; don't wait for ever.
        if ptyOpen, let context {
            let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .seconds(1)) { bound.value.ptyChannel?.close(promise: nil) }
        }
        finishIfDone()
    }

    fileprivate func ptyClosed() {
        ptyOpen = false
        ptyChannel = nil
        if exitStatus == nil, let pid { kill(pid, SIGHUP) }
        finishIfDone()
    }

    private func finishIfDone() {
        guard let exitStatus, !ptyOpen, !finished else { return }
        if control >= 0 {
            close(control)
            control = -1
        }
        idleTask?.cancel()
        if let registration {
            server.registry.release(registration)
            self.registration = nil
        }
        let seconds = (NIODeadline.now() - openedAt).nanoseconds / 1_000_000_000
        if case .newcomer(let key, _) = connection.identity, let member = try? server.community.member(forKey: key.identity) {
            logger.info("signed up", metadata: ["member": "\(member.handle)", "role": "\(member.role.rawValue)"])
        }
        logger.info("session closed", metadata: ["status": "\(exitStatus)", "seconds": "\(seconds)"])
        guard let context else { return }
        if let goodbye, context.channel.isActive { write("\r\npaddock: \(goodbye)\r\n", type: .channel) }
        finishChannel(context, status: exitStatus)
    }

    private func finishChannel(_ context: ChannelHandlerContext, status: Int32) {
        guard !finished else { return }
        finished = true
        idleTask?.cancel()
        if let registration {
            server.registry.release(registration)
            self.registration = nil
        }
        guard context.channel.isActive else { return }
        let channel = context.channel
        channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(status))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    private func write(_ text: String, type: SSHChannelData.DataType) {
        guard let context, context.channel.isActive else { return }
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: type, data: .byteBuffer(buffer))), promise: nil)
    }
}

/// The pty master's side: what the app draws goes to the SSH channel.
final class PTYReader: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let session: NIOLoopBound<SessionHandler>
    let ssh: Channel

    init(session: NIOLoopBound<SessionHandler>, ssh: Channel) {
        self.session = session
        self.ssh = ssh
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session.value.ptyOutput(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.value.ptyClosed()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, case .inputClosed = event { context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // EIO: the app and its terminal are gone.
        context.close(promise: nil)
    }
}

private func clamp(_ n: Int) -> UInt16 { UInt16(max(1, min(n, 1000))) }

/// Runs `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
