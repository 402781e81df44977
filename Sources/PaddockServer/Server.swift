import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH
import PaddockCore
import PaddockStore

/// `paddock serve`: an SSH server whose only program is Paddock. Members are
/// who their key says; each session runs the app in a child process on a
/// pseudo-terminal; nothing a client sends picks the member, the program or
/// its arguments.
public final class PaddockSSHServer: Sendable {
    let configuration: ServeConfiguration
    let community: Community
    let hostKey: HostKey
    let logger: Logger
    let registry = SessionRegistry()
    let limiter = ConnectionRateLimiter()
    let reaper = ChildReaper()
    let changes: ChangeNotifier
    let group: MultiThreadedEventLoopGroup
    private let listener = NIOLockedValueBox<Channel?>(nil)

    public init(configuration: ServeConfiguration, community: Community, hostKey: HostKey, logger: Logger) {
        self.configuration = configuration
        self.community = community
        self.hostKey = hostKey
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
        changes = ChangeNotifier(community: community, databasePath: configuration.databasePath, registry: registry, logger: logger)
    }

    /// Starts listening; returns the address bound (the port, when 0 was asked for).
    public func start() throws -> SocketAddress {
        let server = self
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try server.initializeConnection(channel)
                }
            }
        let channel = try bootstrap.bind(host: configuration.host, port: configuration.port).wait()
        listener.withLockedValue { $0 = channel }
        changes.start()
        return channel.localAddress!
    }

    /// Sets up one TCP connection: the rate limit by address, then SSH.
    private func initializeConnection(_ channel: Channel) throws {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let settings = (try? community.serveSettings()) ?? ServeSettings()
        var log = logger
        log[metadataKey: "peer"] = "\(address):\(channel.remoteAddress?.port ?? 0)"
        guard limiter.admit(address, perMinute: settings.connectionsPerMinute) else {
            log.notice("connection refused: more than \(settings.connectionsPerMinute) connections from this address in a minute")
            channel.close(promise: nil)
            return
        }
        log.info("connection")
        let connection = ConnectionState(logger: log)
        let delegate = AuthDelegate(server: self, connection: connection, eventLoop: channel.eventLoop)
        var config = SSHServerConfiguration(hostKeys: [hostKey.privateKey], userAuthDelegate: delegate)
        config.maxAuthAttempts = 20
        let server = self
        let handler = NIOSSHHandler(
            role: .server(config), allocator: channel.allocator,
            inboundChildChannelInitializer: { child, type in
                server.initializeChannel(child, type: type, connection: connection)
            })
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.pipeline.syncOperations.addHandler(ConnectionCloser(connection: connection))
        let closing = log
        channel.closeFuture.whenComplete { _ in closing.info("disconnected") }
        // A connection that has not started a session in time (slow to authenticate,
        // or `ssh -N` holding a socket) is closed, as sshd's LoginGraceTime does.
        let grace = channel.eventLoop.scheduleTask(in: configuration.loginGrace) {
            if connection.sessionsStarted == 0 {
                connection.logger.notice("closed: no session within the login grace time")
                channel.close(promise: nil)
            }
        }
        channel.closeFuture.whenComplete { _ in grace.cancel() }
    }

    /// Only session channels; forwarding of any kind is refused.
    private func initializeChannel(_ channel: Channel, type: SSHChannelType, connection: ConnectionState) -> EventLoopFuture<Void> {
        switch type {
        case .session:
            return channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(SessionHandler(server: self, connection: connection))
            }
        case .directTCPIP(let target):
            connection.logger.notice("refused port forwarding", metadata: ["to": "\(target.targetHost):\(target.targetPort)"])
            return channel.eventLoop.makeFailedFuture(ServeRefusal("port forwarding is not available"))
        case .forwardedTCPIP:
            return channel.eventLoop.makeFailedFuture(ServeRefusal("port forwarding is not available"))
        }
    }

    /// Blocks until the server stops: after `shutdown`, once sessions ended or the grace passed.
    public func waitUntilClosed() throws {
        if let channel = listener.withLockedValue({ $0 }) {
            try channel.closeFuture.wait()
        }
    }

    /// Stops accepting, tells every session the server is going down (their
    /// apps get SIGHUP and save drafts), waits up to the grace for them to end,
    /// then ends what is left. Returns the number of sessions that had to be killed.
    @discardableResult
    public func shutdown() -> Int {
        let open = registry.count
        logger.info("shutting down", metadata: ["sessions": "\(open)"])
        if let channel = listener.withLockedValue({ $0 }) {
            try? channel.close().wait()
        }
        registry.closeAll("the server is going down; see you soon")
        let deadline = NIODeadline.now() + configuration.shutdownGrace
        while registry.count > 0, NIODeadline.now() < deadline {
            usleep(50_000)
        }
        let left = registry.count
        if left > 0 {
            logger.warning("sessions still open after the grace period; killing them", metadata: ["sessions": "\(left)"])
            registry.killAll()
        }
        changes.stop()
        try? group.syncShutdownGracefully()
        logger.info("stopped")
        return left
    }

    /// The child's command line and environment: nothing in them comes from the client but the checked TERM.
    func childCommand(identity: Identity, term: String) -> (arguments: [String], environment: [String]) {
        var arguments = [configuration.executablePath, "served-session", "--db", configuration.databasePath]
        var environment = [
            "TERM=\(TerminalType.accept(term))", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", "SHELL=/bin/false",
            "SWIFT_BACKTRACE=enable=no", "HOME=\(ProcessInfo.processInfo.environment["HOME"] ?? "/")",
        ]
        if let tmp = ProcessInfo.processInfo.environment["TMPDIR"], !tmp.isEmpty { environment.append("TMPDIR=\(tmp)") }
        switch identity {
        case .member(let id, _, _):
            arguments += ["--member", String(id)]
        case .newcomer(let key, let policy):
            arguments += ["--signup", policy.rawValue]
            environment.append("PADDOCK_SIGNUP_KEY=\(key.identity) \(key.comment)")
        }
        if let editor = configuration.editorCommand { arguments += ["--editor", editor] }
        return (arguments, environment)
    }
}

/// Per TCP connection: who authenticated, for the session channels to read.
/// Touched only on the connection's event loop.
final class ConnectionState: @unchecked Sendable {
    var identity: Identity?
    var logger: Logger
    var failures = 0
    var sessionsStarted = 0

    init(logger: Logger) { self.logger = logger }
}

/// Closes a connection on an error the SSH layer passes on.
final class ConnectionCloser: ChannelInboundHandler {
    typealias InboundIn = Any
    let connection: ConnectionState

    init(connection: ConnectionState) { self.connection = connection }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        connection.logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }
}

/// Public keys only. A known key is its member; an unknown key is a newcomer
/// when the `signup` setting lets one in, else refused after a delay.
final class AuthDelegate: NIOSSHServerUserAuthenticationDelegate {
    let server: PaddockSSHServer
    let connection: ConnectionState
    let eventLoop: EventLoop

    init(server: PaddockSSHServer, connection: ConnectionState, eventLoop: EventLoop) {
        self.server = server
        self.connection = connection
        self.eventLoop = eventLoop
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        guard case .publicKey(let offer) = request.request else {
            // "none" is how clients ask for the methods; passwords are never accepted.
            if case .password = request.request { fail(responsePromise, why: "password offered") } else { responsePromise.succeed(.failure) }
            return
        }
        let key = AuthorizedKey.line(for: offer.publicKey)
        do {
            if let member = try server.community.member(forKey: key.identity) {
                connection.identity = .member(id: member.id, handle: member.handle, fingerprint: key.fingerprint)
                connection.logger[metadataKey: "member"] = "\(member.handle)"
                connection.logger.info("authenticated", metadata: ["key": "\(key.fingerprint)"])
                responsePromise.succeed(.success)
                return
            }
            let settings = try server.community.serveSettings()
            if settings.signup != .closed {
                connection.identity = .newcomer(key: key, policy: settings.signup)
                connection.logger.info("unknown key admitted to sign up", metadata: ["key": "\(key.fingerprint)", "signup": "\(settings.signup.rawValue)"])
                responsePromise.succeed(.success)
                return
            }
            fail(responsePromise, why: "unknown key", key: key.fingerprint)
        } catch {
            connection.logger.error("authentication failed on a store error", metadata: ["error": "\(error)"])
            fail(responsePromise, why: "store error")
        }
    }

    private func fail(_ promise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>, why: String, key: String? = nil) {
        connection.failures += 1
        var metadata: Logger.Metadata = ["reason": "\(why)", "failures": "\(connection.failures)"]
        if let key { metadata["key"] = "\(key)" }
        connection.logger.notice("authentication refused", metadata: metadata)
        eventLoop.scheduleTask(in: server.configuration.failedAuthDelay) { promise.succeed(.failure) }
    }
}
