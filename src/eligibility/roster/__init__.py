"""Reading rosters: file readers, column headers, cell normalisers and the Candidate builder."""
