package io.packetwalk.stream;

import io.packetwalk.stream.protocol.MessageEncoder;
import io.packetwalk.stream.protocol.Protocol;
import io.packetwalk.trace.Step;
import io.packetwalk.trace.Trace;
import java.nio.charset.StandardCharsets;

/** Test access for the benchmarks: how many bytes a trace's steps take on the stream. */
public final class TraceBytes {

  private TraceBytes() {}

  /** The UTF-8 bytes of the trace's {@code traceStep} messages, as the server sends them. */
  public static long json(Trace trace) {
    MessageEncoder encoder = new MessageEncoder();
    long bytes = 0;
    for (Step step : trace.steps()) {
      String line = encoder.encode(new Protocol.TraceStep("r1", StepMapper.view(step)));
      bytes += line.getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }
}
