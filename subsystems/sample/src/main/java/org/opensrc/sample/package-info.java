package org.opensrc.sample;
