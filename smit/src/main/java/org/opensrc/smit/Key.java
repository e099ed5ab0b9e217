package org.opensrc.smit;

/** The keys smitty acts on; {@link #CHAR} is a printable character, given beside it. */
enum Key {
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    ENTER,
    UP,
    DOWN,
    LEFT,
    RIGHT,
    HOME,
    END,
    PAGE_UP,
    PAGE_DOWN,
    TAB,
    BACK_TAB,
    BACKSPACE,
    DELETE,
    CHAR,
    NONE
}
