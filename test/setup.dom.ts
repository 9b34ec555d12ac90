import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

import { resetAllStores } from '../renderer/stores/reset-stores';

afterEach(() => {
  cleanup();
  resetAllStores();
});
