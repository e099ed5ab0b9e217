package org.opensrc.srcmstr.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * srcmstr's own requests: how many per method and outcome, and how long each took. Thread-safe; recorded by the edge
 * when a call ends. Without exemplars: srcmstr has no traces to link, and each series would keep a sampler.
 */
public final class RpcMetrics {

    private final Counter requests;
    private final Histogram duration;

    public RpcMetrics(PrometheusRegistry registry) {
        requests =
                Counter.builder()
                        .name("opensrc_rpc_requests_total")
                        .help("Requests srcmstr answered, by gRPC method and status code")
                        .labelNames("method", "code")
                        .withoutExemplars()
                        .register(registry);
        duration =
                Histogram.builder()
                        .name("opensrc_rpc_duration_seconds")
                        .help("How long srcmstr took to answer a request (a watch: how long it lasted), by gRPC method")
                        .labelNames("method")
                        .classicOnly()
                        .classicUpperBounds(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 60)
                        .withoutExemplars()
                        .register(registry);
    }

    /**
     * One call ended.
     *
     * @param method the full gRPC method name, as {@code srcmstr.v1.Control/Start}
     * @param code the gRPC status code, as {@code OK}
     */
    public void record(String method, String code, double seconds) {
        requests.labelValues(method, code).inc();
        duration.labelValues(method).observe(seconds);
    }
}
