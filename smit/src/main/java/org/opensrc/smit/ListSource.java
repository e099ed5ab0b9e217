package org.opensrc.smit;

/** Where F4 takes a list field's choices from: the live registry, through lssrc. */
public enum ListSource {
    NONE,
    SUBSYSTEMS,
    GROUPS,
    SUBSYSTEMS_AND_GROUPS,
    SUBSERVER_TYPES,
    NOTIFY_NAMES
}
