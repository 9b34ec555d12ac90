import { afterEach } from 'vitest';

import { createMemorySink, setLogSink } from '../main/logging/logger';

// Keep test output clean; tests that assert on logs install their own sink.
setLogSink(createMemorySink());

afterEach(() => {
  setLogSink(createMemorySink());
});
