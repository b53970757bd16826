import './planbord-overview.ts';
