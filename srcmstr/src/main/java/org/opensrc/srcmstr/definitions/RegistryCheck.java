package org.opensrc.srcmstr.definitions;

import org.opensrc.libsrc.Messages;
import org.opensrc.libsrc.SafeText;
import org.opensrc.srcmstr.registry.ObjectClass;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.RegistryFileException;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The rules of the definition commands applied to a registry read from disk: a hand-edited file with a duplicate name,
 * a value out of range or a name with a {@code /} is refused as a whole, naming the file, the object and the rule,
 * exactly as the command that would have made it is refused.
 */
public final class RegistryCheck {

    private RegistryCheck() {}

    /** Throws naming the first object of {@code loaded} that a definition command would refuse. */
    public static void verify(Registry loaded, Path dir) throws RegistryFileException {
        Registry built = Registry.EMPTY;
        built = replay(built, loaded.subsystems(), d -> new Operation.AddSubsystem(d), dir, ObjectClass.SUBSYS);
        built = replay(built, loaded.subservers(), d -> new Operation.AddSubserver(d), dir, ObjectClass.SUBSVR);
        replay(built, loaded.notifies(), d -> new Operation.AddNotify(d), dir, ObjectClass.NOTIFY);
    }

    private static <T> Registry replay(
            Registry start, List<T> objects, Function<T, Operation> add, Path dir, ObjectClass objectClass)
            throws RegistryFileException {
        Registry built = start;
        for (int i = 0; i < objects.size(); i++) {
            switch (add.apply(objects.get(i)).apply(built)) {
                case DefinitionResult.Applied a -> built = a.next();
                case DefinitionResult.Rejected r ->
                        throw new RegistryFileException(
                                dir.resolve(objectClass.fileName()),
                                "objects["
                                        + i
                                        + "]: "
                                        + Messages.oneLine(r.code(), r.arg())
                                        + (r.detail().isEmpty() ? "" : " (" + SafeText.of(r.detail()) + ")"));
            }
        }
        return built;
    }
}
