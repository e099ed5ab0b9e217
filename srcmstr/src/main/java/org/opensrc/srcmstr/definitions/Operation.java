package org.opensrc.srcmstr.definitions;

import org.opensrc.srcmstr.registry.NotifyDef;
import org.opensrc.srcmstr.registry.Registry;
import org.opensrc.srcmstr.registry.SubserverDef;
import org.opensrc.srcmstr.registry.SubsystemDef;

import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Set;

/**
 * A definition command (mkssys, chssys, rmssys, mkserver, chserver, rmserver, mknotify, rmnotify) as a value. {@link
 * #apply(Registry)} is pure: it validates the request against the registry and returns the next registry or the
 * refusal.
 */
public sealed interface Operation {

    /** Validates this operation against {@code current}. */
    default DefinitionResult apply(Registry current) {
        return switch (this) {
            case AddSubsystem op -> SubsystemOperations.add(current, op.def());
            case ChangeSubsystem op -> SubsystemOperations.change(current, op);
            case RemoveSubsystem op -> SubsystemOperations.remove(current, op.name());
            case AddSubserver op -> SubserverOperations.add(current, op.def());
            case ChangeSubserver op -> SubserverOperations.change(current, op);
            case RemoveSubserver op -> SubserverOperations.remove(current, op.subType());
            case AddNotify op -> NotifyOperations.add(current, op.def());
            case RemoveNotify op -> NotifyOperations.remove(current, op.notifyname());
        };
    }

    /** mkssys. */
    record AddSubsystem(SubsystemDef def) implements Operation {
        public AddSubsystem {
            Objects.requireNonNull(def);
        }
    }

    /**
     * chssys: {@code name} is the current name or synonym; only the ODM fields named in {@code fields} ("subsysname",
     * "synonym", …, "extensions") are taken from {@code values}.
     */
    record ChangeSubsystem(String name, SubsystemDef values, Set<String> fields) implements Operation {
        public ChangeSubsystem {
            Objects.requireNonNull(name);
            Objects.requireNonNull(values);
            fields = Set.copyOf(fields);
        }

        /** Only the changed fields, for the audit log: {@code ChangeSubsystem[sshd: grpname=tcpip]}. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("ChangeSubsystem[").append(name).append(':');
            for (RecordComponent c : SubsystemDef.class.getRecordComponents()) {
                if (fields.contains(c.getName())) {
                    try {
                        out.append(' ').append(c.getName()).append('=').append(c.getAccessor().invoke(values));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return out.append(']').toString();
        }
    }

    /** rmssys (name or synonym). */
    record RemoveSubsystem(String name) implements Operation {
        public RemoveSubsystem {
            Objects.requireNonNull(name);
        }
    }

    /** mkserver. */
    record AddSubserver(SubserverDef def) implements Operation {
        public AddSubserver {
            Objects.requireNonNull(def);
        }
    }

    /** chserver: {@code fields} among "sub_type", "subsysname", "sub_code". */
    record ChangeSubserver(String subType, SubserverDef values, Set<String> fields) implements Operation {
        public ChangeSubserver {
            Objects.requireNonNull(subType);
            Objects.requireNonNull(values);
            fields = Set.copyOf(fields);
        }
    }

    /** rmserver. */
    record RemoveSubserver(String subType) implements Operation {
        public RemoveSubserver {
            Objects.requireNonNull(subType);
        }
    }

    /** mknotify. */
    record AddNotify(NotifyDef def) implements Operation {
        public AddNotify {
            Objects.requireNonNull(def);
        }
    }

    /** rmnotify. */
    record RemoveNotify(String notifyname) implements Operation {
        public RemoveNotify {
            Objects.requireNonNull(notifyname);
        }
    }
}
