import { webkitEngine } from '../../engines/webkit';
import { walkEngine } from './walk-engine';

walkEngine(webkitEngine);
