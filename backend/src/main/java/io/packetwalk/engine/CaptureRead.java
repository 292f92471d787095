package io.packetwalk.engine;

import java.util.List;

/**
 * What a capture reader gets: the frames since its last read, oldest first, how many frames it
 * missed because the world's capture log no longer keeps them, and where its next read starts.
 */
public record CaptureRead(List<CapturedFrame> frames, long dropped, long nextSeq) {

  public CaptureRead {
    frames = List.copyOf(frames);
  }
}
