package org.opensrc.srcmstr;
