package org.opensrc.libsrc;
