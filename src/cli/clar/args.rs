//! The grammar of `tinkuy clar …`. Help texts are filled in per language by `clar/help.rs`;
//! values of closed sets are the codes the database stores (`business_plan`, `not_viable`).

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Subcommand)]
pub enum ClarCommand {
    Sessions,
    Ranking(SessionArgs),
    Acta(ActaArgs),
    Followup(FollowupArgs),
    #[command(subcommand)]
    Association(AssociationCommand),
    #[command(subcommand)]
    Call(CallCommand),
    #[command(subcommand)]
    Proposal(ProposalCommand),
    Review(ReviewArgs),
    #[command(subcommand)]
    Member(MemberCommand),
    #[command(subcommand)]
    Session(SessionCommand),
    Conflict(ConflictArgs),
    Score(ScoreArgs),
    Award(SessionArgs),
    #[command(subcommand)]
    Tranche(TrancheCommand),
    Visit(VisitArgs),
}

#[derive(Debug, Clone, Args)]
pub struct SessionArgs {
    #[arg(value_name = "SESSION")]
    pub session: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ActaFormatArg {
    Md,
    Txt,
    Html,
}

#[derive(Debug, Clone, Args)]
pub struct ActaArgs {
    #[arg(value_name = "SESSION")]
    pub session: String,
    #[arg(long, value_enum, default_value_t = ActaFormatArg::Md)]
    pub format: ActaFormatArg,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct FollowupArgs {
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum AssociationKindArg {
    ProducerAssociation,
    InterestGroup,
    Community,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum LegalStatusArg {
    Informal,
    InProcess,
    Registered,
}

#[derive(Debug, Clone, Subcommand)]
pub enum AssociationCommand {
    Add(AssociationAddArgs),
    Member(AssociationMemberArgs),
    List,
    Members(AssociationRef),
}

#[derive(Debug, Clone, Args)]
pub struct AssociationAddArgs {
    #[arg(value_name = "NAME")]
    pub name: String,
    #[arg(long, value_enum)]
    pub kind: AssociationKindArg,
    #[arg(long, value_name = "NAME")]
    pub community: Option<String>,
    #[arg(long, value_name = "UBIGEO", requires = "community")]
    pub district: Option<String>,
    #[arg(long, value_enum, default_value_t = LegalStatusArg::Informal)]
    pub legal_status: LegalStatusArg,
    #[arg(long, value_name = "RUC")]
    pub ruc: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub contact: Option<String>,
    #[arg(long, value_name = "PHONE")]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("who").required(true).args(["person", "name"])))]
pub struct AssociationMemberArgs {
    #[arg(value_name = "ASSOC")]
    pub association: String,
    #[arg(long, value_name = "DNI|ID")]
    pub person: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    #[arg(long, value_name = "DNI", requires = "name")]
    pub dni: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct AssociationRef {
    #[arg(value_name = "ASSOC")]
    pub association: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum CallKindArg {
    BusinessPlan,
    CommunityProject,
    LocalVenture,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum PresetArg {
    AliadosBusinessPlan,
    AliadosCommunityProject,
    HakuWinayVenture,
}

#[derive(Debug, Clone, Subcommand)]
pub enum CallCommand {
    Add(CallAddArgs),
    Open(CallRef),
    Close(CallRef),
    List,
    Show(CallRef),
}

#[derive(Debug, Clone, Args)]
pub struct CallAddArgs {
    #[arg(long, value_name = "CODE")]
    pub programme: Option<String>,
    #[arg(long, value_enum)]
    pub kind: Option<CallKindArg>,
    #[arg(long, value_enum)]
    pub preset: Option<PresetArg>,
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long, value_name = "AMOUNT")]
    pub envelope: String,
    #[arg(long, value_name = "DATE")]
    pub opens: String,
    #[arg(long, value_name = "DATE")]
    pub closes: String,
}

#[derive(Debug, Clone, Args)]
pub struct CallRef {
    #[arg(value_name = "CALL")]
    pub call: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum CategoryArg {
    Materials,
    TechnicalAssistance,
    Training,
    Other,
}

#[derive(Debug, Clone, Subcommand)]
pub enum ProposalCommand {
    Add(ProposalAddArgs),
    Line(ProposalLineArgs),
    RemoveLine(RemoveLineArgs),
    Submit(ProposalRef),
    List(ProposalListArgs),
    Show(ProposalRef),
}

#[derive(Debug, Clone, Args)]
pub struct ProposalAddArgs {
    #[arg(long, value_name = "CALL")]
    pub call: String,
    #[arg(long, value_name = "ASSOC")]
    pub association: String,
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long, value_name = "TEXT")]
    pub product: String,
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ProposalLineArgs {
    #[arg(value_name = "PROPOSAL")]
    pub proposal: String,
    #[arg(long, value_enum)]
    pub category: CategoryArg,
    #[arg(long, value_name = "TEXT")]
    pub description: String,
    #[arg(long, value_name = "AMOUNT")]
    pub programme: String,
    #[arg(long, value_name = "AMOUNT", default_value = "0")]
    pub counterpart: String,
}

#[derive(Debug, Clone, Args)]
pub struct RemoveLineArgs {
    #[arg(value_name = "PROPOSAL")]
    pub proposal: String,
    #[arg(value_name = "N")]
    pub line: usize,
}

#[derive(Debug, Clone, Args)]
pub struct ProposalRef {
    #[arg(value_name = "PROPOSAL")]
    pub proposal: String,
}

#[derive(Debug, Clone, Args)]
pub struct ProposalListArgs {
    #[arg(long, value_name = "CALL")]
    pub call: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum VerdictArg {
    Viable,
    NotViable,
}

#[derive(Debug, Clone, Args)]
pub struct ReviewArgs {
    #[arg(value_name = "PROPOSAL")]
    pub proposal: String,
    #[arg(long, value_enum)]
    pub verdict: VerdictArg,
    #[arg(long, value_name = "TEXT")]
    pub reasons: String,
    #[arg(long, value_name = "DATE")]
    pub visit: Option<String>,
    #[arg(
        long,
        value_name = "DNI,DNI,…",
        value_delimiter = ',',
        requires = "visit"
    )]
    pub present: Vec<String>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum MemberCommand {
    Add(MemberAddArgs),
    List,
}

#[derive(Debug, Clone, Args)]
pub struct MemberAddArgs {
    #[arg(value_name = "NAME")]
    pub name: String,
    #[arg(long, value_name = "TEXT")]
    pub represents: String,
    /// Not `--user`: that global flag says who runs the command.
    #[arg(long, value_name = "USERNAME")]
    pub username: Option<String>,
    #[arg(long, value_name = "DNI")]
    pub dni: Option<String>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum SessionCommand {
    Open(SessionOpenArgs),
    Close(SessionArgs),
}

#[derive(Debug, Clone, Args)]
pub struct SessionOpenArgs {
    #[arg(long, value_name = "CALL")]
    pub call: String,
    #[arg(long, value_name = "DATE")]
    pub date: String,
    #[arg(long, value_name = "TEXT")]
    pub place: String,
    #[arg(long, value_name = "M1,M2,…", value_delimiter = ',', required = true)]
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum ConflictKindArg {
    Member,
    Relative,
    Other,
}

#[derive(Debug, Clone, Args)]
pub struct ConflictArgs {
    #[arg(value_name = "SESSION")]
    pub session: String,
    #[arg(long, value_name = "MEMBER")]
    pub member: Option<String>,
    #[arg(long, value_name = "PROPOSAL")]
    pub proposal: String,
    #[arg(long, value_enum)]
    pub kind: ConflictKindArg,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ScoreArgs {
    #[arg(value_name = "SESSION")]
    pub session: String,
    #[arg(long, value_name = "PROPOSAL")]
    pub proposal: String,
    #[arg(long, value_name = "N,N,…", allow_hyphen_values = true)]
    pub points: String,
}

#[derive(Debug, Clone, Subcommand)]
pub enum TrancheCommand {
    List(ProposalRef),
    Pay(TranchePayArgs),
    Release(TrancheReleaseArgs),
}

#[derive(Debug, Clone, Args)]
pub struct TranchePayArgs {
    #[arg(value_name = "PROPOSAL")]
    pub proposal: String,
    #[arg(long, value_name = "N")]
    pub tranche: i64,
    #[arg(long, value_name = "AMOUNT")]
    pub amount: String,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct TrancheReleaseArgs {
    #[arg(value_name = "PROPOSAL")]
    pub proposal: String,
    #[arg(long, value_name = "N")]
    pub tranche: i64,
    #[arg(long, value_name = "SESSION")]
    pub session: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum VisitStatusArg {
    Operating,
    Struggling,
    Stopped,
}

#[derive(Debug, Clone, Args)]
pub struct VisitArgs {
    #[arg(value_name = "PROPOSAL")]
    pub proposal: String,
    #[arg(long, value_enum)]
    pub status: VisitStatusArg,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub notes: Option<String>,
}
