import { AllCommunityModule as AllChartsModule, ModuleRegistry as ChartsModuleRegistry } from 'ag-charts-community';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import './app/planbord-app.ts';

// Without registered modules AG Grid shows cells but cannot edit, and AG Charts draws nothing.
ModuleRegistry.registerModules([AllCommunityModule]);
ChartsModuleRegistry.registerModules([AllChartsModule]);
