package io.vigil.parse;

import io.vigil.event.EcsFields;

/**
 * A decoder for configuration only: another decoder's output, claimed only when it has a given
 * {@code event.dataset}. It lets a source be configured as {@code postfix}, {@code iptables} or
 * {@code suricata} although those are read by the syslog or JSON decoders: lines of another kind are then
 * reported as not in the configured format instead of slipping through. Thread-safe when {@code inner} is.
 *
 * @param name    the configuration name
 * @param inner   the decoder that reads the lines
 * @param dataset the {@code event.dataset} a line must get to be claimed
 */
public record DatasetDecoder(String name, Decoder inner, String dataset) implements Decoder {

    @Override
    public boolean reproducible() {
        return inner.reproducible();
    }

    @Override
    public DecodeResult decode(byte[] line) {
        return claimed(inner.decode(line));
    }

    @Override
    public DecodeResult decode(LineOrigin origin, byte[] line) {
        return claimed(inner.decode(origin, line));
    }

    private DecodeResult claimed(DecodeResult result) {
        return result instanceof DecodeResult.Decoded d && !dataset.equals(d.fields().get(EcsFields.EVENT_DATASET))
                ? DecodeResult.notMine() : result;
    }
}
