package org.opensrc.cli;
