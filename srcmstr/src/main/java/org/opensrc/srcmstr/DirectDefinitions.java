package org.opensrc.srcmstr;

import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;

import org.opensrc.libsrc.SrcPaths;
import org.opensrc.libsrc.client.SrcClient;
import org.opensrc.libsrc.posix.Posix;
import org.opensrc.libsrc.posix.Users;
import org.opensrc.libsrc.trust.PathTrust;
import org.opensrc.srcmstr.caller.Authorization;
import org.opensrc.srcmstr.caller.Caller;
import org.opensrc.srcmstr.caller.CallerContext;
import org.opensrc.srcmstr.definitions.DefinitionService;
import org.opensrc.srcmstr.definitions.DefinitionStore;
import org.opensrc.srcmstr.registry.RegistryFileException;
import org.opensrc.srcmstr.registry.RegistryStore;
import org.opensrc.srcmstr.trust.RootPrograms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The definitions of a root whose srcmstr does not answer, as AIX's commands edit the ODM while srcmstr is down:
 * srcmstr's own Definitions service, run inside the command on the registry files, under the lock srcmstr takes. The
 * rules, messages and authorization are srcmstr's ({@code srcmstr.conf}'s admin group; the owner of the registry stands
 * for srcmstr's uid); srcmstr reads the change when it starts, or at its next look at the registry when it runs but did
 * not answer.
 */
public final class DirectDefinitions {

    private DirectDefinitions() {}

    /**
     * A client whose definition calls run here, on {@code paths}' registry.
     *
     * @throws IOException when srcmstr.conf or the registry files cannot be read: the message names the file
     */
    public static SrcClient open(SrcPaths paths) throws IOException {
        SrcmstrConfig config = SrcmstrConfig.load(paths.configFile());
        int owner = owner(paths.registryDir(), paths.root());
        int adminGid =
                config.adminGroup().isEmpty()
                        ? -1
                        : Users.groupId(config.adminGroup())
                                .orElseThrow(
                                        () ->
                                                new IOException(
                                                        paths.configFile()
                                                                + ": admin.group: no group '"
                                                                + config.adminGroup()
                                                                + "'"));
        DefinitionStore store;
        try {
            store = DefinitionStore.open(new RegistryStore(paths.registryDir()));
        } catch (RegistryFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        var service =
                new DefinitionService(
                        new Authorization(owner, adminGid, Set.of()),
                        store,
                        new RootPrograms(PathTrust.rootAnd(owner), config.strictPermissions()));
        String name = "opensrc-direct-definitions-" + ProcessHandle.current().pid();
        Server server;
        try {
            server =
                    InProcessServerBuilder.forName(name)
                            .directExecutor()
                            .addService(ServerInterceptors.intercept(service, new ThisProcess(thisProcess())))
                            .build()
                            .start();
        } catch (IOException e) {
            throw new IllegalStateException("an in-process server cannot fail to start", e);
        }
        return SrcClient.over(InProcessChannelBuilder.forName(name).directExecutor().build(), server::shutdownNow);
    }

    /** Who srcmstr would run as: the owner of the registry folder, or of the root while there is none. */
    private static int owner(Path registry, Path root) throws IOException {
        Path existing = Files.isDirectory(registry) ? registry : root;
        return (Integer) Files.getAttribute(existing, "unix:uid");
    }

    private static Caller thisProcess() {
        List<Integer> gids = new ArrayList<>(Posix.getgroups());
        gids.add(Posix.getegid());
        return Caller.local(Posix.geteuid(), Posix.getpid(), gids);
    }

    /** Every call is made by this process, with its own credentials. */
    private record ThisProcess(Caller caller) implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            return Contexts.interceptCall(CallerContext.with(caller), call, headers, next);
        }
    }
}
