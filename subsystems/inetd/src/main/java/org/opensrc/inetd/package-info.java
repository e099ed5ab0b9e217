package org.opensrc.inetd;
