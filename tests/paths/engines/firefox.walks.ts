import { firefoxEngine } from '../../engines/firefox';
import { walkEngine } from './walk-engine';

walkEngine(firefoxEngine);
