package io.zgnode.abci.transport;

import java.io.IOException;

/** A socket frame announced a length above the configured maximum; the connection is dropped. */
final class FrameTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  FrameTooLargeException(String length, int maxBytes) {
    super(
        "ABCI socket frame announces "
            + length
            + " bytes, more than the maximum of "
            + maxBytes
            + " bytes");
  }
}
