// Vite needs the monaco-yaml worker re-exported from our own file (monaco-yaml README, "Vite").
import 'monaco-yaml/yaml.worker.js';
