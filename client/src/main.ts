// Entry point: registers the AG Grid features the grids use (and no others, to keep the bundle
// small), then starts the application shell.
import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ExternalFilterModule,
  HighlightChangesModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
} from 'ag-grid-community';
import './app/planbord-app.ts';

// Without its modules AG Grid still shows cells, but cannot edit them (error #200).
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  RowApiModule,
  ColumnApiModule,
  RenderApiModule,
  ScrollApiModule,
  TextEditorModule,
  LargeTextEditorModule,
  SelectEditorModule,
  TextFilterModule,
  ExternalFilterModule,
  PinnedRowModule,
  CellStyleModule,
  TooltipModule,
  RowSelectionModule,
  HighlightChangesModule,
  LocaleModule,
]);
